/** What operators see of the job queue: JSON log events and metrics; never a payload. */
package app.huberman.adapters.monitoring.jobs;
