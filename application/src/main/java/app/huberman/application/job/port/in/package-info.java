/** What workers, the scheduler and operators ask of the job queue. */
package app.huberman.application.job.port.in;
