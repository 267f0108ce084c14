package app.huberman.bootstrap.architecture;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every package and type the architecture rules name, in one place. The project's own packages hang
 * off a root, so that the same rules can run against the fixtures of the bite tests, which copy the
 * project's layout below {@link #FIXTURE_ROOT}.
 */
final class ArchitecturePackages {

  static final String PRODUCTION_ROOT = "app.huberman";
  static final String FIXTURE_ROOT = "app.huberman.bootstrap.architecture.fixtures";

  // Module packages, relative to the root (docs/architecture.md, "Modules").
  static final String DOMAIN = "domain";
  static final String APPLICATION = "application";
  static final String ADAPTERS = "adapters";
  static final String BOOTSTRAP = "bootstrap";

  // Libraries. The JDK is all that domain and application may use besides themselves.
  static final String JDK = "java..";
  static final List<String> PERSISTENCE_LIBRARIES =
      List.of("jakarta.persistence..", "org.hibernate..", "org.flywaydb..", "org.postgresql..");
  static final List<String> REDIS_LIBRARIES = List.of("org.redisson..");
  static final List<String> JAX_RS = List.of("jakarta.ws.rs..");
  static final List<String> MONITORING_LIBRARIES =
      List.of("org.eclipse.microprofile.health..", "org.eclipse.microprofile.metrics..");
  static final List<String> CLI_LIBRARIES = List.of("picocli..");

  // Annotations, by name: the rules need not compile against the APIs they police.
  static final String ENTITY = "jakarta.persistence.Entity";
  static final String PRODUCES = "jakarta.enterprise.inject.Produces";
  static final String INJECT = "jakarta.inject.Inject";
  static final String RESOURCE = "jakarta.annotation.Resource";
  static final String PERSISTENCE_CONTEXT = "jakarta.persistence.PersistenceContext";
  static final String CONTEXT = "jakarta.ws.rs.core.Context";

  /** The libraries the rules keep inside some adapters; each must exist, or its rule is void. */
  static List<String> restrictedLibraries() {
    return Stream.of(
            PERSISTENCE_LIBRARIES, REDIS_LIBRARIES, JAX_RS, MONITORING_LIBRARIES, CLI_LIBRARIES)
        .flatMap(List::stream)
        .toList();
  }

  /** The annotations the rules name; each must exist, or its rule is void. */
  static List<String> annotations() {
    return List.of(ENTITY, PRODUCES, INJECT, RESOURCE, PERSISTENCE_CONTEXT, CONTEXT);
  }

  final String root;
  final String domain;
  final String application;

  /** Exactly the package of the shared exceptions, not its {@code port.out}. */
  final String applicationShared;

  final String inboundPorts;
  final String outboundPorts;

  /** Where the services behind the use cases live, with their collaborators and job handlers. */
  final String services;

  final String rest;
  final String persistence;
  final String redis;
  final String monitoring;
  final String cli;
  final String bootstrap;

  /** Where the CDI producers live. */
  final String wiring;

  /** One slice a module: domain, application, adapters, bootstrap. */
  final String modulesAsSlices;

  /** One slice an adapter module, the ones to come (payments, mail) included. */
  final String adaptersAsSlices;

  ArchitecturePackages(String root) {
    this.root = root;
    domain = below(DOMAIN);
    application = below(APPLICATION);
    applicationShared = root + "." + APPLICATION + ".shared";
    inboundPorts = below(APPLICATION + ".*.port.in");
    outboundPorts = below(APPLICATION + ".*.port.out");
    services = below(APPLICATION + ".*.service");
    rest = below(ADAPTERS + ".rest");
    persistence = below(ADAPTERS + ".persistence");
    redis = below(ADAPTERS + ".redis");
    monitoring = below(ADAPTERS + ".monitoring");
    cli = below(ADAPTERS + ".cli");
    bootstrap = below(BOOTSTRAP);
    wiring = below(BOOTSTRAP + ".wiring");
    modulesAsSlices = root + ".(*)..";
    adaptersAsSlices = root + "." + ADAPTERS + ".(*)..";
  }

  /** The packages of the Maven modules, each of which must be imported. */
  List<String> modules() {
    return List.of(domain, application, rest, persistence, redis, monitoring, cli, bootstrap);
  }

  /** Every project package a rule names: each must hold classes, or the rule checks nothing. */
  List<String> namedByRules() {
    return List.of(
        domain,
        application,
        applicationShared,
        inboundPorts,
        outboundPorts,
        services,
        rest,
        persistence,
        redis,
        monitoring,
        cli,
        bootstrap,
        wiring,
        modulesAsSlices,
        adaptersAsSlices);
  }

  private String below(String relative) {
    return root + "." + relative + "..";
  }
}
