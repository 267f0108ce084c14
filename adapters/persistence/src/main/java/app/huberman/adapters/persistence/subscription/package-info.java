/**
 * Storage of plans (JPA), and of subscriptions and the webhook inbox (plain JDBC on the JTA data
 * source, as they sit on the webhook path; see {@code JdbcSubscriptionRepository}).
 */
package app.huberman.adapters.persistence.subscription;
