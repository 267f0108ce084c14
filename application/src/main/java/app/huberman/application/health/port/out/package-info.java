/** Probes for the dependencies an instance needs. */
package app.huberman.application.health.port.out;
