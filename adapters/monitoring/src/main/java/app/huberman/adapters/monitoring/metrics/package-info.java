/** Request metrics, labelled by method, route template and status class. */
package app.huberman.adapters.monitoring.metrics;
