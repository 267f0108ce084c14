/**
 * The only module that knows every other: CDI producers ({@code wiring}), typed configuration
 * ({@code config}), the transaction boundary, start-up work and the runnable's launcher.
 */
package app.huberman.bootstrap;
