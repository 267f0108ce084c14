/** Firebase Cloud Messaging's HTTP v1 API, called with a service account's OAuth token. */
package app.huberman.adapters.push.fcm;
