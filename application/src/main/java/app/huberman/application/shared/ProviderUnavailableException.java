package app.huberman.application.shared;

/**
 * A provider's API (Google Play Developer API, its OAuth token endpoint, a JWKS endpoint) could not
 * be reached or answered with a server error: the work should be retried later.
 */
public final class ProviderUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProviderUnavailableException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public ProviderUnavailableException(String reason) {
    super(reason);
  }
}
