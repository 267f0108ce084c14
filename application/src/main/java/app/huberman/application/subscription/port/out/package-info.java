/** What the subscriptions context needs from the outside world. */
package app.huberman.application.subscription.port.out;
