/**
 * What operators see of a running instance: MicroProfile Health checks, request metrics, the
 * request id that ties log lines together, and the JSON log format.
 */
package app.huberman.adapters.monitoring;
