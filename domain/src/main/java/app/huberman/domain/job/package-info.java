/**
 * Jobs: the rules of a durable job queue and its scheduler (retry policy, schedules, abandoned
 * reservations). Pure Java; no clock reads: every method takes the time it is about.
 */
package app.huberman.domain.job;
