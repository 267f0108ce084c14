/** MicroProfile Health checks: liveness, readiness and startup. */
package app.huberman.adapters.monitoring.health;
