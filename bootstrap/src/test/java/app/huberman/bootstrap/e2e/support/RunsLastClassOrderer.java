package app.huberman.bootstrap.e2e.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Keeps the test classes in the order they were found, but runs {@code ContractCoverageIT} last: it
 * checks what every other end-to-end test exercised.
 */
public final class RunsLastClassOrderer implements ClassOrderer {

  static final String LAST = "app.huberman.bootstrap.e2e.ContractCoverageIT";

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(
            Comparator.comparingInt(
                descriptor -> descriptor.getTestClass().getName().equals(LAST) ? 1 : 0));
  }
}
