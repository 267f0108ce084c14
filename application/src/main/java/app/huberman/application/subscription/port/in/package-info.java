/** What callers can ask of the subscriptions context. */
package app.huberman.application.subscription.port.in;
