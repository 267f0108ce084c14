/**
 * CDI producers: the use cases (built from the application's services and the adapters' ports),
 * container resources and clients. The only place where {@code @Produces} appears.
 */
package app.huberman.bootstrap.wiring;
