/** Plans, and later subscriptions and entitlements, over HTTP. */
package app.huberman.adapters.rest.subscription;
