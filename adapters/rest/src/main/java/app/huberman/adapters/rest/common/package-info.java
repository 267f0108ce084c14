/** What every resource shares: the JAX-RS application, JSON settings, errors and body limits. */
package app.huberman.adapters.rest.common;
