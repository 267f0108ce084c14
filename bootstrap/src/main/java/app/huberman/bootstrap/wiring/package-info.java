/**
 * CDI producers: the use cases (built from the application's services and the adapters' ports),
 * container resources and clients. Typed configuration is produced next door, in {@code config}; no
 * other package produces beans. {@code CliWiring} is the operator CLI's composition of the same
 * classes, without a container.
 */
package app.huberman.bootstrap.wiring;
