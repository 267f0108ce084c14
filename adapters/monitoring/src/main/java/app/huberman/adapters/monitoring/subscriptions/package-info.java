/**
 * What operators see of webhooks and subscriptions: JSON log events and counters carrying provider,
 * type, event id and outcome; never a payload, signature or token.
 */
package app.huberman.adapters.monitoring.subscriptions;
