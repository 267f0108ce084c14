package app.huberman.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every producer follows the scope rule of this package's package-info (docs/architecture.md,
 * "Producer scopes"): use cases and container resources {@code @ApplicationScoped}, everything else
 * {@code @Singleton}, no scope only for a second type of another bean, never request-scoped.
 */
class ProducerScopesTest {

  private static final String PRODUCES = "jakarta.enterprise.inject.Produces";
  private static final String APPLICATION_SCOPED = "jakarta.enterprise.context.ApplicationScoped";
  private static final String SINGLETON = "jakarta.inject.Singleton";
  private static final Set<String> SCOPES =
      Set.of(
          APPLICATION_SCOPED,
          SINGLETON,
          "jakarta.enterprise.context.RequestScoped",
          "jakarta.enterprise.context.SessionScoped",
          "jakarta.enterprise.context.ConversationScoped",
          "jakarta.enterprise.context.Dependent");

  /** The container's resources and clients the producers hand out. */
  private static final Set<String> RESOURCES =
      Set.of(
          "javax.sql.DataSource",
          "org.redisson.api.RedissonClient",
          "jakarta.enterprise.concurrent.ManagedScheduledExecutorService",
          "jakarta.enterprise.concurrent.ManagedThreadFactory");

  private static final List<JavaMethod> PRODUCERS =
      new ClassFileImporter()
              .withImportOption(new ImportOption.DoNotIncludeTests())
              .importPackages("app.huberman.bootstrap")
              .stream()
              .flatMap(javaClass -> javaClass.getMethods().stream())
              .filter(method -> method.isAnnotatedWith(PRODUCES))
              .toList();

  @Test
  void useCasesAndResourcesAreApplicationScopedEverythingElseSingleton() {
    assertThat(PRODUCERS).hasSizeGreaterThan(40);
    for (JavaMethod producer : PRODUCERS) {
      List<String> scopes = scopesOf(producer);
      if (scopes.isEmpty()) {
        continue;
      }
      assertThat(scopes)
          .as(producer.getFullName())
          .containsExactly(
              isUseCaseOrResource(producer.getRawReturnType()) ? APPLICATION_SCOPED : SINGLETON);
    }
  }

  @Test
  void aProducerWithoutScopeOnlyHandsOutAnotherBean() {
    for (JavaMethod producer : PRODUCERS) {
      if (scopesOf(producer).isEmpty()) {
        List<JavaClass> parameters = producer.getRawParameterTypes();
        assertThat(parameters).as(producer.getFullName()).hasSize(1);
        assertThat(parameters.get(0).isAssignableTo(producer.getRawReturnType().getName()))
            .as(producer.getFullName() + " returns its parameter under a second type")
            .isTrue();
      }
    }
  }

  private static boolean isUseCaseOrResource(JavaClass type) {
    return type.getSimpleName().endsWith("UseCase") || RESOURCES.contains(type.getName());
  }

  private static List<String> scopesOf(JavaMethod producer) {
    return producer.getAnnotations().stream()
        .map(annotation -> annotation.getRawType().getName())
        .filter(SCOPES::contains)
        .toList();
  }
}
