/** What the job queue needs from the outside world: the store, the wake-up signal, event sinks. */
package app.huberman.application.job.port.out;
