/** The unit of work of every use case, on JTA. */
package app.huberman.bootstrap.transaction;
