/** The job queue's use cases, and the handlers of its own housekeeping jobs. */
package app.huberman.application.job.service;
