/** The queue workers, job listener and scheduler of this instance: threads and their lifecycle. */
package app.huberman.bootstrap.jobs;
