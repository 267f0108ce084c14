package app.huberman.application.health.port.out;

/**
 * The database schema is older than this build expects: migrations of this build have not been
 * applied yet (a deployment that runs {@code migrate} as a step of its own, before the instances).
 */
public class SchemaBehindException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaBehindException(String currentVersion, String expectedVersion) {
    super(
        "The database schema is at version "
            + currentVersion
            + "; this build expects "
            + expectedVersion);
  }
}
