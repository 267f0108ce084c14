package app.huberman.bootstrap.architecture;

import static app.huberman.bootstrap.architecture.ArchitecturePackages.PRODUCTION_ROOT;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of {@link ArchitectureRules} against the production classes of every module: those of
 * bootstrap's own class folder and those of the other modules, which reach bootstrap's test class
 * path as class folders (in a reactor build) or as {@code huberman-*.jar}.
 */
@AnalyzeClasses(
    packages = PRODUCTION_ROOT,
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ProjectModules.class})
class ArchitectureTest {

  private static final ArchitectureRules RULES = ArchitectureRules.forRoot(PRODUCTION_ROOT);

  @ArchTest static final ArchRule domainUsesOnlyTheJdk = RULES.domainUsesOnlyTheJdk();

  @ArchTest
  static final ArchRule applicationUsesOnlyTheDomainAndTheJdk =
      RULES.applicationUsesOnlyTheDomainAndTheJdk();

  @ArchTest
  static final ArchRule adaptersDoNotDependOnEachOther = RULES.adaptersDoNotDependOnEachOther();

  @ArchTest static final ArchRule nothingDependsOnBootstrap = RULES.nothingDependsOnBootstrap();

  @ArchTest
  static final ArchRule entitiesStayInThePersistenceAdapter =
      RULES.entitiesStayInThePersistenceAdapter();

  @ArchTest static final ArchRule dtosStayInTheRestAdapter = RULES.dtosStayInTheRestAdapter();

  @ArchTest
  static final ArchRule useCasesAreInterfacesInPortIn = RULES.useCasesAreInterfacesInPortIn();

  @ArchTest
  static final ArchRule interfacesInPortInAreUseCases = RULES.interfacesInPortInAreUseCases();

  @ArchTest
  static final ArchRule outboundPortsAreInterfacesInPortOut =
      RULES.outboundPortsAreInterfacesInPortOut();

  @ArchTest
  static final ArchRule interfacesInPortOutArePortsOrRepositories =
      RULES.interfacesInPortOutArePortsOrRepositories();

  @ArchTest static final ArchRule servicesImplementOneUseCase = RULES.servicesImplementOneUseCase();

  @ArchTest
  static final ArchRule applicationNamesNoStorageOrMarkup =
      RULES.applicationNamesNoStorageOrMarkup();

  @ArchTest
  static final ArchRule inboundPortsShowNoStoredState = RULES.inboundPortsShowNoStoredState();

  @ArchTest static final ArchRule modulesAreFreeOfCycles = RULES.modulesAreFreeOfCycles();

  @ArchTest static final ArchRule contextsAreFreeOfCycles = RULES.contextsAreFreeOfCycles();

  @ArchTest
  static final ArchRule inboundAdaptersUseOnlyInboundPorts =
      RULES.inboundAdaptersUseOnlyInboundPorts();

  @ArchTest
  static final ArchRule monitoringUsesPortsNotServices = RULES.monitoringUsesPortsNotServices();

  @ArchTest
  static final ArchRule theCliUsesOnlyTheApplication = RULES.theCliUsesOnlyTheApplication();

  @ArchTest
  static final ArchRule onlyThePersistenceAdapterUsesPersistenceLibraries =
      RULES.onlyThePersistenceAdapterUsesPersistenceLibraries();

  @ArchTest
  static final ArchRule onlyTheRedisAdapterUsesRedisson = RULES.onlyTheRedisAdapterUsesRedisson();

  @ArchTest
  static final ArchRule onlyRestAndMonitoringUseJaxRs = RULES.onlyRestAndMonitoringUseJaxRs();

  @ArchTest
  static final ArchRule onlyTheMonitoringAdapterUsesHealthAndMetrics =
      RULES.onlyTheMonitoringAdapterUsesHealthAndMetrics();

  @ArchTest static final ArchRule producersLiveInBootstrap = RULES.producersLiveInBootstrap();

  @ArchTest
  static final ArchRule domainAndApplicationDoNotReadTheClock =
      RULES.domainAndApplicationDoNotReadTheClock();

  @ArchTest static final ArchRule noFieldIsInjected = RULES.noFieldIsInjected();

  @ArchTest
  static final ArchRule resourceFieldsLiveInBootstrap = RULES.resourceFieldsLiveInBootstrap();

  @ArchTest
  static final ArchRule contextFieldsLiveInJaxRsAdapters = RULES.contextFieldsLiveInJaxRsAdapters();

  @ArchTest
  static void importsTheClassesOfEveryModule(JavaClasses classes) {
    assertThat(packagesWithoutClasses(classes, RULES.packages().modules()))
        .as("modules of which no production class was imported")
        .isEmpty();
  }

  @ArchTest
  static void everyPackageARuleNamesHoldsClasses(JavaClasses classes) {
    assertThat(packagesWithoutClasses(classes, RULES.packages().namedByRules()))
        .as("packages named by a rule that hold no production class, so the rule checks nothing")
        .isEmpty();
  }

  @ArchTest
  static void everyLibraryARuleNamesIsOnTheClassPath(JavaClasses classes) {
    assertThat(ArchitecturePackages.restrictedLibraries())
        .as("library packages a rule names, which must be on the class path")
        .allMatch(library -> !Locations.ofPackage(library.replace("..", "")).isEmpty());
    assertThat(ArchitecturePackages.annotations())
        .as("annotations a rule names, which must be on the class path")
        .allMatch(ArchitectureTest::isOnTheClassPath);
  }

  @ArchTest
  static void importsNoTestClass(JavaClasses classes) {
    assertThat(classes.stream().map(javaClass -> javaClass.getSource().orElseThrow().getUri()))
        .as("the production import must see no test class, these tests and fixtures included")
        .isNotEmpty()
        .noneMatch(source -> source.toString().contains("/test-classes/"));
  }

  static List<String> packagesWithoutClasses(JavaClasses classes, List<String> packages) {
    return packages.stream()
        .filter(
            identifier ->
                classes.stream()
                    .filter(javaClass -> !javaClass.getSimpleName().equals("package-info"))
                    .noneMatch(resideInAPackage(identifier)))
        .toList();
  }

  private static boolean isOnTheClassPath(String className) {
    try {
      Class.forName(className, false, ArchitectureTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The project's class folders and {@code huberman-*.jar}; no other jar. */
  public static final class ProjectModules implements ImportOption {

    private static final Pattern MODULE_JAR = Pattern.compile(".*/huberman-[^/]*\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
      return !location.isArchive() || location.matches(MODULE_JAR);
    }
  }
}
