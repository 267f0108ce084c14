/**
 * The App Store: verifies App Store Server Notifications V2 and StoreKit 2 signed transactions (JWS
 * signed by a key whose certificate chains to Apple's root) and reads them into neutral provider
 * events.
 */
package app.huberman.adapters.payments.apple;
