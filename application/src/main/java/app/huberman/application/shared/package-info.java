/**
 * What every context's use cases share: failures any use case may report, and the group commit that
 * lets concurrent callers share one transaction.
 */
package app.huberman.application.shared;
