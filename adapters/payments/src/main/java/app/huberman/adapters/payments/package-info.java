/**
 * The payment providers: verifies and decodes Stripe, App Store and Google Play notifications into
 * neutral provider events, and asks the providers' APIs for authoritative purchase state.
 */
package app.huberman.adapters.payments;
