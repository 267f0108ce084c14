/** Storage of plans (and, later, subscriptions and webhook events). */
package app.huberman.adapters.persistence.subscription;
