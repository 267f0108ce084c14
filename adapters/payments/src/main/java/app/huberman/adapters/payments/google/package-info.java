/**
 * Google Play: verifies real-time developer notifications pushed by Pub/Sub (an OIDC token signed
 * by Google) and asks the Play Developer API for the purchase's authoritative state.
 */
package app.huberman.adapters.payments.google;
