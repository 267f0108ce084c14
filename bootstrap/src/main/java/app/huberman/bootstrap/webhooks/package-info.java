/**
 * The threads that store and answer provider webhooks, off the HTTP threads, and their lifecycle.
 */
package app.huberman.bootstrap.webhooks;
