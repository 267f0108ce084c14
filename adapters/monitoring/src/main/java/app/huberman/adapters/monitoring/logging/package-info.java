/**
 * Single-line JSON logs on stdout. These classes use the JDK only: the runnable also puts them on
 * the server's own class path, so Payara's messages come out in the same format as ours.
 */
package app.huberman.adapters.monitoring.logging;
