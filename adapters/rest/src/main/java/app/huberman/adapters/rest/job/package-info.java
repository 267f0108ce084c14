/** The admin API of the job queue: its state and the failed jobs. */
package app.huberman.adapters.rest.job;
