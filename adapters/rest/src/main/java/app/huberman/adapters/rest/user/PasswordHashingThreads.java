package app.huberman.adapters.rest.user;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The threads on which the use cases that hash or verify a password run (sign-in, sign-up, password
 * reset, the profile changes that confirm the password), so that no HTTP thread waits while Argon2
 * holds a core ({@link PasswordHashing}). A task runs with the log context (request id) of the
 * thread that handed it over, in a CDI request context of its own. Provided by the bootstrap
 * module.
 */
public interface PasswordHashingThreads extends Executor {

  /**
   * @throws RejectedExecutionException when as many tasks as it can hold are already waiting
   */
  @Override
  void execute(Runnable task);
}
