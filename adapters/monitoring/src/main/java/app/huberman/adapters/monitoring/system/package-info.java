/**
 * The host as the app sees it: disk space of the volumes it writes to, process CPU and system
 * memory (gauges), and the disk-space readiness probe.
 */
package app.huberman.adapters.monitoring.system;
