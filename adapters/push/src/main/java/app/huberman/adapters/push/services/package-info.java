/**
 * The {@link app.huberman.application.subscription.port.out.PushSenderPort}: the configured push
 * services by platform.
 */
package app.huberman.adapters.push.services;
