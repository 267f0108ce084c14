/**
 * The only module that knows every other: CDI producers ({@code wiring}), typed configuration
 * ({@code config}), the transaction boundary, start-up work, the threads of the queue workers and
 * of webhooks, the runnable's launcher and the operator CLI.
 */
package app.huberman.bootstrap;
