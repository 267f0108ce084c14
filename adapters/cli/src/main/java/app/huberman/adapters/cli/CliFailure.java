package app.huberman.adapters.cli;

/**
 * An expected failure of a command (no such failed job, no such account): its message is printed as
 * it is, on one line, and the CLI exits with status 1. Bootstrap throws it too, for a setting it
 * cannot read.
 */
public final class CliFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CliFailure(String message) {
    super(message);
  }
}
