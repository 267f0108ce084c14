package app.huberman.adapters.cli;

/**
 * The configuration a command reads itself rather than through a use case. Bootstrap reads it from
 * the server's environment variables, with the server's defaults.
 */
@FunctionalInterface
public interface CliSettings {

  /**
   * The {@code QUEUE_WORKERS} the instance is configured with, for {@code queue:work} without
   * {@code --workers}.
   *
   * @throws CliFailure when the variable is not a whole number
   */
  int queueWorkers();
}
