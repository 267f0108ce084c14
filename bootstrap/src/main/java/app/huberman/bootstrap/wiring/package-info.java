/**
 * CDI producers: the use cases (built from the application's services and the adapters' ports),
 * container resources and clients. Typed configuration is produced next door, in {@code config}; no
 * other package produces beans. {@code CliWiring} is the operator CLI's composition of the same
 * classes, without a container.
 *
 * <p>Scopes, one rule for every producer (docs/architecture.md, "Producer scopes"):
 *
 * <ul>
 *   <li>{@code @ApplicationScoped}: use cases ({@code port.in} types) and container resources and
 *       clients ({@code DataSource}, {@code RedissonClient}, managed executors): built on first use
 *       behind a client proxy, disposed at shutdown.
 *   <li>{@code @Singleton}: everything else built once: outbound ports and adapters, job handlers,
 *       caches, shared collaborators, typed configuration, the {@code Clock}; no proxy, and records
 *       and final classes cannot have one.
 *   <li>no scope ({@code @Dependent}): only a producer that returns another bean under a second
 *       type ({@code UserWiring.authenticate} over the {@code TokenVerdictCache} singleton).
 *   <li>never {@code @RequestScoped}: per-request state belongs to the REST adapter.
 * </ul>
 */
package app.huberman.bootstrap.wiring;
