package app.huberman.application.health;

import app.huberman.application.health.port.out.SchemaBehindException;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A database schema for the health services: at {@code applied} until migrated to {@code latest};
 * each call may first meet one of the queued failures (an unreachable database).
 */
final class FakeSchemaMigrator implements SchemaMigratorPort {

  private final String latest;
  private String applied;
  private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();

  private FakeSchemaMigrator(String applied, String latest) {
    this.applied = applied;
    this.latest = latest;
  }

  static FakeSchemaMigrator at(String applied, String latest) {
    return new FakeSchemaMigrator(applied, latest);
  }

  static FakeSchemaMigrator migratedTo(String version) {
    return new FakeSchemaMigrator(version, version);
  }

  FakeSchemaMigrator failingOnceWith(Supplier<RuntimeException> failure) {
    failures.add(failure);
    return this;
  }

  /** Another instance, or the operator's {@code migrate}, brings the schema up to date. */
  void migratedElsewhere() {
    applied = latest;
  }

  @Override
  public String migrateToLatest() {
    failIfQueued();
    applied = latest;
    return applied;
  }

  @Override
  public String verifyLatest() {
    failIfQueued();
    if (!applied.equals(latest)) {
      throw new SchemaBehindException(applied, latest);
    }
    return applied;
  }

  private void failIfQueued() {
    Supplier<RuntimeException> failure = failures.poll();
    if (failure != null) {
      throw failure.get();
    }
  }
}
