/**
 * Stripe: checks the {@code Stripe-Signature} HMAC of webhooks and reads Stripe's event objects
 * (subscriptions, invoices, checkout sessions) into neutral provider events.
 */
package app.huberman.adapters.payments.stripe;
