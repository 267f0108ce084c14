/**
 * The application's side of a graceful stop: the launcher, which owns the process and its signals,
 * begins the drain through {@link app.huberman.bootstrap.shutdown.DrainSwitch}.
 */
package app.huberman.bootstrap.shutdown;
