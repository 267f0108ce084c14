/**
 * CDI producers: the use cases (built from the application's services and the adapters' ports),
 * container resources and clients. Typed configuration is produced next door, in {@code config}; no
 * other package produces beans.
 */
package app.huberman.bootstrap.wiring;
