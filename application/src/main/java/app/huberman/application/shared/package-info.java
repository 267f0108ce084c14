/**
 * What every context's use cases share: failures any use case may report, the group commit that
 * lets concurrent callers share one transaction, and small value formatters the adapters share
 * ({@code IpLiteral}, {@code JsonText}).
 */
package app.huberman.application.shared;
