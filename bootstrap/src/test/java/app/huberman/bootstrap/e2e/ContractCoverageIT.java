package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.huberman.bootstrap.e2e.support.Contract;
import app.huberman.bootstrap.e2e.support.ContractCoverage;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Run after every other end-to-end test class ({@code RunsLastClassOrderer}): each path, method and
 * status the contract documents was answered at least once in this run, so the document cannot
 * describe what nobody checks. Skipped in a targeted run ({@code -Dit.test=...}).
 */
class ContractCoverageIT {

  @Test
  void everyDocumentedPathMethodAndStatusWasExercised() throws Exception {
    assumeTrue(
        System.getProperty("it.test") == null,
        "a targeted run (-Dit.test) covers part of the contract only");
    Set<String> missing = new TreeSet<>(Contract.get().documented());

    missing.removeAll(ContractCoverage.observed());

    // Shown, not failed: what garbage got besides the declared statuses (see Contract.Check).
    ContractCoverage.tolerated().forEach(System.out::println);
    assertThat(missing)
        .as(
            "documented in openapi.yaml but never answered in this run (observations in %s)",
            ContractCoverage.directory())
        .isEmpty();
  }
}
