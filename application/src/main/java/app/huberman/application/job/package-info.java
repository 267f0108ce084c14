/**
 * Jobs: the durable queue's use cases (run, rescue, retry, prune, schedule) and the handler
 * contract. Handlers are registered by job type; every handler must be idempotent, because a job
 * runs at least once.
 */
package app.huberman.application.job;
