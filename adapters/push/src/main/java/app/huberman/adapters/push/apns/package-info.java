/** Apple Push Notification service over HTTP/2, through Pushy, with a signing key (.p8). */
package app.huberman.adapters.push.apns;
