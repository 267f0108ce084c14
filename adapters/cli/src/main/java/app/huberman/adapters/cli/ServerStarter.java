package app.huberman.adapters.cli;

import java.util.List;
import java.util.Map;

/**
 * Starts the application server in this process and returns once it runs. The launcher provides it;
 * tests record the call instead of booting Payara.
 */
@FunctionalInterface
public interface ServerStarter {

  /**
   * @param settings configuration the instance must run with, over the environment's (set as system
   *     properties, which MicroProfile Config reads before environment variables)
   * @param payaraArguments passed to Payara Micro after the launcher's own
   */
  void start(Map<String, String> settings, List<String> payaraArguments);
}
