package app.huberman.adapters.rest.subscription;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The threads on which webhooks are verified, stored and answered, so that no HTTP thread waits for
 * a batch's commit ({@link WebhookServlet}). A task runs with the log context (request id) of the
 * thread that handed it over. Provided by the bootstrap module.
 */
public interface WebhookThreads extends Executor {

  /**
   * @throws RejectedExecutionException when as many webhooks as it can hold are already waiting
   */
  @Override
  void execute(Runnable task);
}
