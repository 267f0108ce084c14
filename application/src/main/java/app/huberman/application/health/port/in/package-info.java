/** Whether this instance can serve: asked by readiness probes. */
package app.huberman.application.health.port.in;
