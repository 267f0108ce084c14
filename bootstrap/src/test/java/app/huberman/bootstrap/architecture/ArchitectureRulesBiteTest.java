package app.huberman.bootstrap.architecture;

import static app.huberman.bootstrap.architecture.ArchitecturePackages.FIXTURE_ROOT;
import static app.huberman.bootstrap.architecture.ArchitecturePackages.PRODUCTION_ROOT;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.architecture.fixtures.adapters.cli.RepositoryWritingCliCommand;
import app.huberman.bootstrap.architecture.fixtures.adapters.cli.TransactionalCliCommand;
import app.huberman.bootstrap.architecture.fixtures.adapters.monitoring.ServiceCallingHealthCheck;
import app.huberman.bootstrap.architecture.fixtures.adapters.persistence.order.PersistenceContextRepository;
import app.huberman.bootstrap.architecture.fixtures.adapters.persistence.order.RedissonLockingRepository;
import app.huberman.bootstrap.architecture.fixtures.adapters.persistence.order.WebAwareRepository;
import app.huberman.bootstrap.architecture.fixtures.adapters.persistence.order.WiringAwareRepository;
import app.huberman.bootstrap.architecture.fixtures.adapters.redis.CacheProducer;
import app.huberman.bootstrap.architecture.fixtures.adapters.redis.ContextFieldCache;
import app.huberman.bootstrap.architecture.fixtures.adapters.rest.order.DirectOrderStore;
import app.huberman.bootstrap.architecture.fixtures.adapters.rest.order.FieldInjectedResource;
import app.huberman.bootstrap.architecture.fixtures.adapters.rest.order.HealthCheckResource;
import app.huberman.bootstrap.architecture.fixtures.adapters.rest.order.OrderRow;
import app.huberman.bootstrap.architecture.fixtures.adapters.rest.order.RepositoryHoldingResource;
import app.huberman.bootstrap.architecture.fixtures.application.order.port.in.OrderDetails;
import app.huberman.bootstrap.architecture.fixtures.application.order.port.in.OrderFinder;
import app.huberman.bootstrap.architecture.fixtures.application.order.port.out.OrderArchivePort;
import app.huberman.bootstrap.architecture.fixtures.application.order.port.out.OrderStore;
import app.huberman.bootstrap.architecture.fixtures.application.order.service.CancelOrderUseCase;
import app.huberman.bootstrap.architecture.fixtures.application.order.service.ClockReadingService;
import app.huberman.bootstrap.architecture.fixtures.application.order.service.EntityManagerOrderFinder;
import app.huberman.bootstrap.architecture.fixtures.application.order.service.NotificationPort;
import app.huberman.bootstrap.architecture.fixtures.application.order.service.OrderDeskService;
import app.huberman.bootstrap.architecture.fixtures.application.order.service.OrderHtmlReceipt;
import app.huberman.bootstrap.architecture.fixtures.application.order.service.OrderTotalsService;
import app.huberman.bootstrap.architecture.fixtures.bootstrap.wiring.EntityPeekingWiring;
import app.huberman.bootstrap.architecture.fixtures.bootstrap.wiring.ResponseCachingWiring;
import app.huberman.bootstrap.architecture.fixtures.domain.billing.Invoice;
import app.huberman.bootstrap.architecture.fixtures.domain.customer.Customer;
import app.huberman.bootstrap.architecture.fixtures.domain.order.ApplicationAwareOrder;
import app.huberman.bootstrap.architecture.fixtures.domain.order.ClockReadingOrder;
import app.huberman.bootstrap.architecture.fixtures.domain.order.ValidatedOrder;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that the rules bite: each rule, built for the fixture root, reports the fixture that breaks
 * it by name, and passes on the fixtures that keep it. The fixtures live in test code, which the
 * production import of {@link ArchitectureTest} leaves out.
 */
class ArchitectureRulesBiteTest {

  private static final ArchitectureRules RULES = ArchitectureRules.forRoot(FIXTURE_ROOT);

  static final List<Bite> BITES =
      List.of(
          new Bite(RULES.domainUsesOnlyTheJdk(), ValidatedOrder.class),
          new Bite(RULES.domainUsesOnlyTheJdk(), ApplicationAwareOrder.class),
          new Bite(RULES.applicationUsesOnlyTheDomainAndTheJdk(), EntityManagerOrderFinder.class),
          new Bite(RULES.adaptersDoNotDependOnEachOther(), DirectOrderStore.class),
          new Bite(RULES.nothingDependsOnBootstrap(), WiringAwareRepository.class),
          new Bite(RULES.entitiesStayInThePersistenceAdapter(), OrderRow.class),
          new Bite(RULES.entitiesStayInThePersistenceAdapter(), EntityPeekingWiring.class),
          new Bite(RULES.dtosStayInTheRestAdapter(), ResponseCachingWiring.class),
          new Bite(RULES.useCasesAreInterfacesInPortIn(), CancelOrderUseCase.class),
          new Bite(RULES.interfacesInPortInAreUseCases(), OrderFinder.class),
          new Bite(RULES.outboundPortsAreInterfacesInPortOut(), NotificationPort.class),
          new Bite(RULES.interfacesInPortOutArePortsOrRepositories(), OrderStore.class),
          new Bite(RULES.servicesImplementOneUseCase(), OrderDeskService.class),
          new Bite(RULES.servicesImplementOneUseCase(), OrderTotalsService.class),
          new Bite(RULES.applicationNamesNoStorageOrMarkup(), OrderArchivePort.class),
          new Bite(RULES.applicationNamesNoStorageOrMarkup(), OrderHtmlReceipt.class),
          new Bite(RULES.inboundPortsShowNoStoredState(), OrderDetails.class),
          new Bite(RULES.modulesAreFreeOfCycles(), ApplicationAwareOrder.class),
          new Bite(RULES.contextsAreFreeOfCycles(), Invoice.class),
          new Bite(RULES.contextsAreFreeOfCycles(), Customer.class),
          new Bite(RULES.inboundAdaptersUseOnlyInboundPorts(), RepositoryHoldingResource.class),
          new Bite(RULES.monitoringUsesPortsNotServices(), ServiceCallingHealthCheck.class),
          new Bite(RULES.theCliUsesOnlyTheApplication(), RepositoryWritingCliCommand.class),
          new Bite(RULES.theCliUsesOnlyTheApplication(), TransactionalCliCommand.class),
          new Bite(
              RULES.onlyThePersistenceAdapterUsesPersistenceLibraries(),
              EntityManagerOrderFinder.class),
          new Bite(RULES.onlyThePersistenceAdapterUsesPersistenceLibraries(), OrderRow.class),
          new Bite(RULES.onlyTheRedisAdapterUsesRedisson(), RedissonLockingRepository.class),
          new Bite(RULES.onlyRestAndMonitoringUseJaxRs(), WebAwareRepository.class),
          new Bite(RULES.onlyTheMonitoringAdapterUsesHealthAndMetrics(), HealthCheckResource.class),
          new Bite(RULES.producersLiveInBootstrap(), CacheProducer.class),
          new Bite(RULES.domainAndApplicationDoNotReadTheClock(), ClockReadingOrder.class),
          new Bite(RULES.domainAndApplicationDoNotReadTheClock(), ClockReadingService.class),
          new Bite(RULES.noFieldIsInjected(), FieldInjectedResource.class),
          new Bite(RULES.resourceFieldsLiveInBootstrap(), PersistenceContextRepository.class),
          new Bite(RULES.contextFieldsLiveInJaxRsAdapters(), ContextFieldCache.class));

  private static final JavaClasses ALL_FIXTURES =
      new ClassFileImporter().importPackages(FIXTURE_ROOT);

  /** Imported apart, so that the offenders are not even dependents of the compliant classes. */
  private static final JavaClasses COMPLIANT_FIXTURES =
      new ClassFileImporter()
          .withImportOption(location -> BITES.stream().noneMatch(bite -> bite.isIn(location)))
          .importPackages(FIXTURE_ROOT);

  @ParameterizedTest
  @FieldSource("BITES")
  void theRuleReportsTheClassThatBreaksIt(Bite bite) {
    List<String> violations = bite.rule().evaluate(ALL_FIXTURES).getFailureReport().getDetails();

    assertThat(violations).anyMatch(bite::names);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void theRulePassesOnTheCompliantFixtures(ArchRule rule) {
    assertThat(rule.evaluate(COMPLIANT_FIXTURES).getFailureReport().getDetails()).isEmpty();
  }

  static List<ArchRule> rules() {
    return RULES.all();
  }

  @Test
  void everyRuleHasABite() {
    assertThat(BITES.stream().map(bite -> bite.rule().getDescription()).distinct())
        .containsExactlyInAnyOrderElementsOf(descriptionsOf(RULES.all().stream()));
  }

  @Test
  void everyRuleIsCheckedOnTheProductionClasses() {
    Stream<ArchRule> checked =
        Arrays.stream(ArchitectureTest.class.getDeclaredFields())
            .filter(field -> field.getType() == ArchRule.class)
            .filter(field -> Modifier.isStatic(field.getModifiers()))
            .map(ArchitectureRulesBiteTest::valueOf);

    assertThat(descriptionsOf(checked))
        .containsExactlyInAnyOrderElementsOf(
            descriptionsOf(ArchitectureRules.forRoot(PRODUCTION_ROOT).all().stream()));
  }

  @Test
  void theFixtureImportHoldsFixturesOnly() {
    assertThat(ALL_FIXTURES).isNotEmpty().allMatch(resideInAPackage(FIXTURE_ROOT + ".."));
  }

  @Test
  void aPackageWithoutClassesIsReported() {
    String planned = FIXTURE_ROOT + ".adapters.payments..";

    assertThat(
            ArchitectureTest.packagesWithoutClasses(
                ALL_FIXTURES, List.of(RULES.packages().domain, planned)))
        .containsExactly(planned);
  }

  @Test
  void theProductionImportTakesClassFoldersAndModuleJarsOnly() {
    ArchitectureTest.ProjectModules option = new ArchitectureTest.ProjectModules();

    assertThat(
            option.includes(location("file:/work/bootstrap/target/classes/app/huberman/A.class")))
        .isTrue();
    assertThat(
            option.includes(
                location("jar:file:/m2/huberman-domain-0.1.0.jar!/app/huberman/domain/A.class")))
        .isTrue();
    assertThat(option.includes(location("jar:file:/m2/payara-micro-6.jar!/app/huberman/A.class")))
        .isFalse();
  }

  private static Location location(String uri) {
    return Location.of(URI.create(uri));
  }

  private static List<String> descriptionsOf(Stream<ArchRule> rules) {
    return rules.map(ArchRule::getDescription).toList();
  }

  private static ArchRule valueOf(Field field) {
    try {
      return (ArchRule) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A rule, and a fixture class that breaks it. */
  record Bite(ArchRule rule, Class<?> offender) {

    /** Whether a violation names the offender, its members or its nested classes. */
    boolean names(String violation) {
      return Pattern.compile("<" + Pattern.quote(offender.getName()) + "[>.$]")
          .matcher(violation)
          .find();
    }

    /** Whether the class file at a location is the offender or one of its nested classes. */
    boolean isIn(Location location) {
      String path = "/" + offender.getName().replace('.', '/');
      return location.contains(path + ".class") || location.contains(path + "$");
    }

    @Override
    public String toString() {
      return offender.getSimpleName() + " breaks: " + rule.getDescription();
    }
  }
}
