/**
 * Subscriptions over HTTP: the plans, the caller's subscription and entitlements, the purchases the
 * app reports, and the providers' webhooks (a plain servlet, on threads bootstrap provides).
 */
package app.huberman.adapters.rest.subscription;
