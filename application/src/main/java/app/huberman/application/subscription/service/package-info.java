/** The subscriptions context's use cases. */
package app.huberman.application.subscription.service;
