/** The start (the schema migration) and the readiness of this instance. */
package app.huberman.application.health.service;
