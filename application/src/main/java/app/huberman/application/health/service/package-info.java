/** Readiness of this instance. */
package app.huberman.application.health.service;
