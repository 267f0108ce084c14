/**
 * The runnable's entry point. Runs before Payara Micro, from the root of {@code huberman-app.jar},
 * so it may use the JDK and the JDK-only logging classes of the monitoring adapter, nothing else.
 */
package app.huberman.bootstrap.launcher;
