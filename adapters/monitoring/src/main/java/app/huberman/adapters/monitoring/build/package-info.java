/** Which build is running: {@code app_build_info} and the {@code app.build_info} start-up event. */
package app.huberman.adapters.monitoring.build;
