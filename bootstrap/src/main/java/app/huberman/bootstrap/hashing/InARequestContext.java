package app.huberman.bootstrap.hashing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Runs a task in a CDI request context of its own. A use case handed to a hashing thread consults
 * the rate limits through a request-scoped bean ({@code ConsultedRateLimits}), and the response
 * filters that read it run on the same thread when the answer resumes: both see this context.
 */
@ApplicationScoped
public class InARequestContext {

  @ActivateRequestContext
  public void run(Runnable task) {
    task.run();
  }
}
