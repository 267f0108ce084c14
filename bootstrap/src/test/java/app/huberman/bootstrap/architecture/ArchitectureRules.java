package app.huberman.bootstrap.architecture;

import static app.huberman.bootstrap.architecture.ArchitecturePackages.ADAPTERS;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.CLI_LIBRARIES;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.CONTEXT;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.ENTITY;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.INJECT;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.JAX_RS;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.JDK;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.MONITORING_LIBRARIES;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.PERSISTENCE_CONTEXT;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.PERSISTENCE_LIBRARIES;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.PRODUCES;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.REDIS_LIBRARIES;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.RESOURCE;
import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.doNot;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The module rules and house rules of docs/architecture.md ("Module rules"), built for a root
 * package: {@code app.huberman} for the production code ({@link ArchitectureTest}), another root
 * for the fixtures that show each rule bites ({@link ArchitectureRulesBiteTest}). The rule numbers
 * in the comments are those of that list.
 */
final class ArchitectureRules {

  private static final Set<String> CLOCK_READING_TYPES =
      Stream.of(
              Instant.class,
              LocalDate.class,
              LocalDateTime.class,
              LocalTime.class,
              OffsetDateTime.class,
              OffsetTime.class,
              ZonedDateTime.class,
              Year.class,
              YearMonth.class,
              MonthDay.class)
          .map(Class::getName)
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> SYSTEM_CLOCKS =
      Set.of("systemUTC", "systemDefaultZone", "system");

  /** Interfaces, less the package-info class the compiler makes of a package-info.java. */
  private static final DescribedPredicate<JavaClass> DECLARED_INTERFACES =
      INTERFACES.and(doNot(simpleName("package-info"))).as("are interfaces");

  private final ArchitecturePackages packages;

  private ArchitectureRules(ArchitecturePackages packages) {
    this.packages = packages;
  }

  static ArchitectureRules forRoot(String root) {
    return new ArchitectureRules(new ArchitecturePackages(root));
  }

  ArchitecturePackages packages() {
    return packages;
  }

  /** Every rule, in the order of docs/architecture.md. */
  List<ArchRule> all() {
    return List.of(
        domainUsesOnlyTheJdk(),
        applicationUsesOnlyTheDomainAndTheJdk(),
        adaptersDoNotDependOnEachOther(),
        nothingDependsOnBootstrap(),
        entitiesStayInThePersistenceAdapter(),
        dtosStayInTheRestAdapter(),
        useCasesAreInterfacesInPortIn(),
        interfacesInPortInAreUseCases(),
        outboundPortsAreInterfacesInPortOut(),
        interfacesInPortOutArePortsOrRepositories(),
        servicesImplementOneUseCase(),
        applicationNamesNoStorageOrMarkup(),
        inboundPortsShowNoStoredState(),
        modulesAreFreeOfCycles(),
        contextsAreFreeOfCycles(),
        inboundAdaptersUseOnlyInboundPorts(),
        monitoringUsesPortsNotServices(),
        theCliUsesOnlyTheApplication(),
        onlyThePersistenceAdapterUsesPersistenceLibraries(),
        onlyTheRedisAdapterUsesRedisson(),
        onlyRestAndMonitoringUseJaxRs(),
        onlyTheMonitoringAdapterUsesHealthAndMetrics(),
        producersLiveInBootstrap(),
        domainAndApplicationDoNotReadTheClock(),
        noFieldIsInjected(),
        resourceFieldsLiveInBootstrap(),
        contextFieldsLiveInJaxRsAdapters());
  }

  // Rule 1; with rule 2 it also keeps CDI and Jakarta annotations out of domain and application.
  ArchRule domainUsesOnlyTheJdk() {
    return classes()
        .that()
        .resideInAPackage(packages.domain)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(packages.domain, JDK)
        .because(
            "the domain is plain Java: no Jakarta, Hibernate, Redisson, validation or logging"
                + " framework may reach the business rules");
  }

  // Rule 2.
  ArchRule applicationUsesOnlyTheDomainAndTheJdk() {
    return classes()
        .that()
        .resideInAPackage(packages.application)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(packages.application, packages.domain, JDK)
        .because(
            "use cases and ports are plain Java over the domain; frameworks come in through"
                + " adapters and bootstrap");
  }

  // Rule 3.
  ArchRule adaptersDoNotDependOnEachOther() {
    return slices()
        .matching(packages.adaptersAsSlices)
        .namingSlices("adapter $1")
        .should()
        .notDependOnEachOther()
        .because(
            "an adapter can be added or replaced only while no other adapter knows it; one slice"
                + " per package below adapters, so payments and mail are covered once they exist");
  }

  // Rule 4.
  ArchRule nothingDependsOnBootstrap() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(packages.bootstrap)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(packages.bootstrap)
        .because("bootstrap knows every module, and no module knows bootstrap");
  }

  // Rule 5, entities.
  ArchRule entitiesStayInThePersistenceAdapter() {
    return classes()
        .that()
        .areAnnotatedWith(ENTITY)
        .should()
        .resideInAPackage(packages.persistence)
        .andShould()
        .onlyHaveDependentClassesThat()
        .resideInAPackage(packages.persistence)
        .because(
            "JPA entities are a storage format: the persistence adapter maps them to domain"
                + " objects, and nothing else sees them");
  }

  // Rule 5, DTOs.
  ArchRule dtosStayInTheRestAdapter() {
    return classes()
        .that()
        .resideInAPackage(packages.rest)
        .and(simpleNameEndingWith("Request").or(simpleNameEndingWith("Response")))
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage(packages.rest)
        .because("request and response records are the wire format of the REST API only");
  }

  // Rule 6, inbound ports by name.
  ArchRule useCasesAreInterfacesInPortIn() {
    return classes()
        .that()
        .haveSimpleNameEndingWith("UseCase")
        .should()
        .beInterfaces()
        .andShould()
        .resideInAPackage(packages.inboundPorts)
        .because("a ...UseCase is an inbound port: an interface in application.<context>.port.in");
  }

  // Rule 6, inbound ports by place.
  ArchRule interfacesInPortInAreUseCases() {
    return classes()
        .that()
        .resideInAPackage(packages.inboundPorts)
        .and(DECLARED_INTERFACES)
        .should()
        .haveSimpleNameEndingWith("UseCase")
        .because(
            "the interfaces of port.in are the inbound ports, named VerbNounUseCase (records and"
                + " exceptions beside them may be named freely)");
  }

  // Rule 6, outbound ports by name.
  ArchRule outboundPortsAreInterfacesInPortOut() {
    DescribedPredicate<JavaClass> namedAsOutboundPort =
        simpleNameEndingWith("Port").or(simpleNameEndingWith("Repository"));
    return classes()
        .that(namedAsOutboundPort.and(INTERFACES.or(resideInAPackage(packages.application))))
        .should()
        .beInterfaces()
        .andShould()
        .resideInAPackage(packages.outboundPorts)
        .because(
            "a ...Port or ...Repository is an outbound port: an interface in"
                + " application.<context>.port.out (the classes implementing one, such as"
                + " JpaPlanRepository, belong to adapters)");
  }

  // Rule 6, outbound ports by place.
  ArchRule interfacesInPortOutArePortsOrRepositories() {
    return classes()
        .that()
        .resideInAPackage(packages.outboundPorts)
        .and(DECLARED_INTERFACES)
        .should()
        .haveSimpleNameEndingWith("Port")
        .orShould()
        .haveSimpleNameEndingWith("Repository")
        .because(
            "the interfaces of port.out are the outbound ports: ...Repository for an aggregate"
                + " store, ...Port for any other capability");
  }

  // House rule: one use case, one service.
  ArchRule servicesImplementOneUseCase() {
    return classes()
        .that()
        .resideInAPackage(packages.services)
        .and()
        .haveSimpleNameEndingWith("Service")
        .should(implementExactlyOneUseCase())
        .because(
            "one use case, one service named after it (RegisterUserUseCase, RegisterUserService)"
                + " and taking only the ports it uses, so that a caller needing one behaviour"
                + " builds nothing else; job handlers (...Handler) and the services' small"
                + " collaborators are not services");
  }

  // House rule: the application speaks the domain's language.
  ArchRule applicationNamesNoStorageOrMarkup() {
    return classes()
        .that()
        .resideInAPackage(packages.application)
        .should(nameNoMechanics())
        .because(
            "ports and services say what must happen (atomically, durably) in the domain's"
                + " words; SQL, JDBC, transactions and HTML are how an adapter does it");
  }

  // House rule: a query answers with a read model.
  ArchRule inboundPortsShowNoStoredState() {
    return noClasses()
        .that()
        .resideInAPackage(packages.inboundPorts)
        .should()
        .dependOnClassesThat(resideInAPackage(packages.domain).and(simpleNameEndingWith("State")))
        .because(
            "what an aggregate keeps (its State, for rehydration) is not what a caller is shown:"
                + " a query use case returns a read-model record of port.in, so the store can"
                + " change without changing the API");
  }

  // Rule 7, between modules.
  ArchRule modulesAreFreeOfCycles() {
    return slices()
        .matching(packages.modulesAsSlices)
        .namingSlices("module $1")
        .should()
        .beFreeOfCycles()
        .because("the modules form a hierarchy: bootstrap, adapters, application, domain");
  }

  // Rule 7, between the contexts of the modules (a cycle may cross modules too).
  ArchRule contextsAreFreeOfCycles() {
    return slices()
        .assignedFrom(new ModuleContexts(packages.root))
        .should()
        .beFreeOfCycles()
        .because("contexts refer to each other in one direction only, or by ID");
  }

  // Rule 8.
  ArchRule inboundAdaptersUseOnlyInboundPorts() {
    return classes()
        .that()
        .resideInAnyPackage(packages.rest)
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage(packages.application)
                .or(resideInAnyPackage(packages.inboundPorts, packages.applicationShared)))
        .because(
            "inbound adapters drive the application through its use cases (port.in, and the"
                + " exceptions of application.shared), never through outbound ports or the"
                + " services behind the use cases");
  }

  // Rule 8, for the monitoring adapter: inbound for probes, outbound as the sink of events.
  ArchRule monitoringUsesPortsNotServices() {
    return classes()
        .that()
        .resideInAnyPackage(packages.monitoring)
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage(packages.application)
                .or(
                    resideInAnyPackage(
                        packages.inboundPorts, packages.outboundPorts, packages.applicationShared)))
        .because(
            "the monitoring adapter answers probes through use cases and implements the outbound"
                + " ports that record events (logs and metrics); it never reaches the services");
  }

  // Rule 8, for the operator CLI: an inbound adapter that runs without the container.
  ArchRule theCliUsesOnlyTheApplication() {
    return classes()
        .that()
        .resideInAPackage(packages.cli)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            Stream.concat(
                    Stream.of(
                        packages.cli,
                        packages.inboundPorts,
                        packages.applicationShared,
                        packages.domain,
                        JDK),
                    CLI_LIBRARIES.stream())
                .toArray(String[]::new))
        .because(
            "the operator CLI is an inbound adapter that depends on the application only: it"
                + " calls use cases (port.in, with the domain types they take and return, and"
                + " application.shared), parses with picocli and prints with the JDK; bootstrap"
                + " builds the use cases from the other adapters and hands them over (CliUseCases),"
                + " so no command reaches a port.out, an adapter or a container API");
  }

  // Rule 9, persistence.
  ArchRule onlyThePersistenceAdapterUsesPersistenceLibraries() {
    return onlyUse(PERSISTENCE_LIBRARIES, packages.persistence)
        .because(
            "JPA, Hibernate, Flyway and the PostgreSQL driver are details of the persistence"
                + " adapter; bootstrap reaches the database only through that adapter's classes"
                + " (FlywaySchemaMigrator, PostgresServer, ConnectionFailures) and javax.sql");
  }

  // Rule 9, Redis.
  ArchRule onlyTheRedisAdapterUsesRedisson() {
    return onlyUse(REDIS_LIBRARIES, packages.redis, packages.wiring)
        .because(
            "Redisson is a detail of the Redis adapter; bootstrap.wiring may name it only to"
                + " produce and dispose of the RedissonClient, as CDI producers live in bootstrap");
  }

  // Rule 9, JAX-RS.
  ArchRule onlyRestAndMonitoringUseJaxRs() {
    return onlyUse(JAX_RS, packages.rest, packages.monitoring)
        .because(
            "HTTP is the REST adapter's business; the monitoring adapter needs JAX-RS filters"
                + " for the request metrics");
  }

  // Rule 9, MicroProfile Health and Metrics.
  ArchRule onlyTheMonitoringAdapterUsesHealthAndMetrics() {
    return onlyUse(MONITORING_LIBRARIES, packages.monitoring)
        .because("health checks and metrics are registered in the monitoring adapter only");
  }

  // Rule 9, CDI producers.
  ArchRule producersLiveInBootstrap() {
    return members()
        .that()
        .areAnnotatedWith(PRODUCES)
        .should()
        .beDeclaredInClassesThat()
        .resideInAPackage(packages.bootstrap)
        .because(
            "bootstrap decides what implements each port; producers scattered across adapters"
                + " would hide that decision");
  }

  // House rule: no clock reads in domain or application.
  ArchRule domainAndApplicationDoNotReadTheClock() {
    return noClasses()
        .that()
        .resideInAnyPackage(packages.domain, packages.application)
        .should()
        .accessTargetWhere(readsTheSystemClock())
        .because(
            "time is an input: domain methods take an Instant and services ask the injected"
                + " java.time.Clock, so tests can fix it (System.nanoTime, which measures"
                + " durations, is allowed)");
  }

  // House rule: no field injection.
  ArchRule noFieldIsInjected() {
    return noFields()
        .should()
        .beAnnotatedWith(INJECT)
        .because(
            "dependencies come in through the constructor, so that an object is complete once"
                + " built and tests can build it without a container");
  }

  // House rule: no field injection; container resources are looked up in bootstrap.
  ArchRule resourceFieldsLiveInBootstrap() {
    return noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage(packages.bootstrap)
        .should()
        .beAnnotatedWith(RESOURCE)
        .orShould()
        .beAnnotatedWith(PERSISTENCE_CONTEXT)
        .because(
            "container resources reach the modules through producers in bootstrap and"
                + " constructors (the EntityManager is injected by constructor); note that a"
                + " @PersistenceContext field in bootstrap would still break the persistence"
                + " library rule");
  }

  // House rule: no field injection, except where JAX-RS leaves no choice.
  ArchRule contextFieldsLiveInJaxRsAdapters() {
    return noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackages(packages.rest, packages.monitoring)
        .should()
        .beAnnotatedWith(CONTEXT)
        .because(
            "@Context fields are the one field injection JAX-RS filters cannot avoid, and JAX-RS"
                + " belongs to the REST and monitoring adapters");
  }

  private ClassesShouldConjunction onlyUse(List<String> libraries, String... allowedPackages) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowedPackages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(libraries.toArray(String[]::new));
  }

  /** The use cases a class implements, directly or through its supertypes, by simple name. */
  private static List<String> useCasesOf(JavaClass javaClass) {
    return javaClass.getAllRawInterfaces().stream()
        .map(JavaClass::getSimpleName)
        .filter(name -> name.endsWith("UseCase"))
        .sorted()
        .toList();
  }

  private static ArchCondition<JavaClass> implementExactlyOneUseCase() {
    return new ArchCondition<>("implement exactly one use case (an interface named ...UseCase)") {
      @Override
      public void check(JavaClass service, ConditionEvents events) {
        List<String> useCases = useCasesOf(service);
        if (useCases.size() != 1) {
          events.add(
              SimpleConditionEvent.violated(
                  service,
                  service.getDescription()
                      + " implements "
                      + (useCases.isEmpty() ? "no use case" : String.join(", ", useCases))));
        }
      }
    };
  }

  private static final Pattern MECHANICS =
      Pattern.compile("(?i).*(sql|jdbc|transaction|statement|html).*");

  /** Neither the class nor any of its fields and methods is named for a mechanism. */
  private static ArchCondition<JavaClass> nameNoMechanics() {
    return new ArchCondition<>("name no SQL, JDBC, transaction, statement or HTML") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Stream.concat(
                Stream.of(type.getSimpleName()),
                Stream.concat(
                    type.getFields().stream().map(field -> field.getName()),
                    type.getMethods().stream().map(method -> method.getName())))
            .filter(name -> MECHANICS.matcher(name).matches())
            .forEach(
                name ->
                    events.add(
                        SimpleConditionEvent.violated(
                            type, type.getDescription() + " names a mechanism: " + name)));
      }
    };
  }

  private static DescribedPredicate<JavaAccess<?>> readsTheSystemClock() {
    return describe(
        "reads the system clock (now() or now(ZoneId) of java.time, System.currentTimeMillis(),"
            + " Clock.system*(), new Date())",
        access -> {
          if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
            return false;
          }
          String owner = target.getOwner().getName();
          String name = target.getName();
          List<JavaClass> parameters = target.getRawParameterTypes();
          boolean nowWithoutClock =
              name.equals("now")
                  && !(parameters.size() == 1 && parameters.get(0).isEquivalentTo(Clock.class));
          return (CLOCK_READING_TYPES.contains(owner) && nowWithoutClock)
              || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"))
              || (owner.equals(Clock.class.getName()) && SYSTEM_CLOCKS.contains(name))
              || (owner.equals(Date.class.getName())
                  && name.equals(JavaConstructor.CONSTRUCTOR_NAME)
                  && parameters.isEmpty());
        });
  }

  /**
   * One slice a context: {@code domain/subscription}, {@code adapters.rest/common}; the classes
   * right in a module's package (such as the Redis adapter's) form their module's own slice.
   */
  private static final class ModuleContexts implements SliceAssignment {

    private final String prefix;

    ModuleContexts(String root) {
      this.prefix = root + ".";
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String packageName = javaClass.getPackageName();
      if (!packageName.startsWith(prefix)) {
        return SliceIdentifier.ignore();
      }
      List<String> parts = List.of(packageName.substring(prefix.length()).split("\\."));
      int moduleDepth = parts.get(0).equals(ADAPTERS) ? 2 : 1;
      if (parts.size() < moduleDepth) {
        return SliceIdentifier.ignore();
      }
      String module = String.join(".", parts.subList(0, moduleDepth));
      String context = parts.size() > moduleDepth ? parts.get(moduleDepth) : "(module package)";
      return SliceIdentifier.of(module, context);
    }

    @Override
    public String getDescription() {
      return "contexts " + prefix + "<module>.<context>";
    }
  }
}
