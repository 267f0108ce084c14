package app.huberman.application.shared;

import java.util.Objects;

/**
 * A dependency the use case needs (the database, the cache) cannot be reached right now. Nothing
 * was changed; the same request may succeed later.
 */
public final class DependencyUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String dependency;

  public DependencyUnavailableException(String dependency, Throwable cause) {
    super(Objects.requireNonNull(dependency, "dependency") + " is unavailable", cause);
    this.dependency = dependency;
  }

  /** A short, stable name such as {@code database} or {@code redis}. */
  public String dependency() {
    return dependency;
  }
}
