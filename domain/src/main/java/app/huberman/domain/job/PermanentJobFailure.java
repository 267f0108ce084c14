package app.huberman.domain.job;

/**
 * A failure that another attempt cannot fix (a malformed payload, a record that no longer exists):
 * the job goes to the failed jobs at once instead of being retried.
 */
public class PermanentJobFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PermanentJobFailure(String message) {
    super(message);
  }

  public PermanentJobFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
