/**
 * Push notifications: APNs ({@code apns}, Pushy with token authentication) and FCM HTTP v1 ({@code
 * fcm}), routed by platform ({@code services}); here, the wording of each notice as a push, which
 * both services send.
 */
package app.huberman.adapters.push;
