package app.huberman.bootstrap.e2e.arquillian;

import app.huberman.bootstrap.e2e.support.ServerProcesses;
import app.huberman.bootstrap.e2e.support.StartupGuard;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara's managed Payara Micro container, with a start that cannot hang the build or outlive it.
 * Payara's own container waits up to its whole start-up timeout for a server that may have hung in
 * its first seconds, then gives up without stopping it; and it stops a server with {@code SIGTERM}
 * only, which a hung server ignores. Here a start whose console output stops for {@link
 * StartupGuard.Bounds#stall()} is dumped ({@code jcmd Thread.print}, written to {@code target/} and
 * put in the failure), killed with its process tree and tried once more; a server still running 30
 * s after {@code SIGTERM} is killed.
 */
public class GuardedPayaraMicroContainer extends PayaraMicroDeployableContainer {

  private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

  private ProcessHandle server;

  @Override
  public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    StringBuilder failures = new StringBuilder();
    for (int attempt = 1; attempt <= 2; attempt++) {
      Attempt outcome = attempt(archive);
      if (outcome.deployed() != null) {
        return outcome.deployed();
      }
      failures.append("\n=== attempt ").append(attempt).append(": ").append(outcome.failure());
      if (!outcome.worthRetrying()) {
        break;
      }
    }
    throw new DeploymentException("Payara Micro did not start:" + failures);
  }

  private record Attempt(ProtocolMetaData deployed, String failure, boolean worthRetrying) {}

  private Attempt attempt(Archive<?> archive) {
    Set<Long> before = childPids();
    AtomicLong output = new AtomicLong();
    PrintStream console = System.out;
    System.setOut(new PrintStream(new CountingOutput(console, output), true));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<ProtocolMetaData> deploying = runner.submit(() -> super.deploy(archive));
      Optional<ProcessHandle> started = awaitNewChild(before, deploying);
      if (started.isEmpty()) {
        return finished(deploying);
      }
      server = started.get();
      StartupGuard.Outcome outcome =
          StartupGuard.await(
              server,
              output::get,
              deploying::isDone,
              StartupGuard.Bounds.standard(),
              Path.of("target", "thread-dump-payara-micro-" + server.pid() + ".txt")
                  .toAbsolutePath());
      if (outcome.ending() == StartupGuard.Ending.READY) {
        return finished(deploying);
      }
      deploying.cancel(true);
      ServerProcesses.killTree(server);
      return new Attempt(
          null,
          outcome.ending()
              + (outcome.threadDump().isEmpty()
                  ? ""
                  : "\n--- thread dump ---\n" + StartupGuard.excerpt(outcome.threadDump())),
          outcome.ending().worthRetrying());
    } finally {
      runner.shutdownNow();
      System.setOut(console);
    }
  }

  private Attempt finished(Future<ProtocolMetaData> deploying) {
    try {
      ProtocolMetaData deployed = deploying.get(1, TimeUnit.SECONDS);
      if (deployed != null) {
        return new Attempt(deployed, null, false);
      }
      return stopped("the container gave up waiting", true);
    } catch (ExecutionException e) {
      return stopped(String.valueOf(e.getCause()), false);
    } catch (Exception e) {
      return stopped(e.toString(), true);
    }
  }

  private Attempt stopped(String failure, boolean worthRetrying) {
    if (server != null) {
      ServerProcesses.killTree(server);
    }
    return new Attempt(null, failure, worthRetrying);
  }

  private static Optional<ProcessHandle> awaitNewChild(
      Set<Long> before, Future<ProtocolMetaData> deploying) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && !deploying.isDone()) {
      Optional<ProcessHandle> child =
          ProcessHandle.current().children().filter(c -> !before.contains(c.pid())).findFirst();
      if (child.isPresent()) {
        return child;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }

  private static Set<Long> childPids() {
    return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  @Override
  public void undeploy(Archive<?> archive) throws DeploymentException {
    try {
      super.undeploy(archive);
    } finally {
      if (server != null) {
        try {
          server.onExit().get(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
          ServerProcesses.killTree(server);
        }
      }
    }
  }

  /** Counts what the container copies from the server's console, passing it on. */
  private static final class CountingOutput extends OutputStream {

    private final OutputStream next;
    private final AtomicLong count;

    CountingOutput(OutputStream next, AtomicLong count) {
      this.next = next;
      this.count = count;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      count.incrementAndGet();
      next.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
      count.addAndGet(length);
      next.write(bytes, offset, length);
    }

    @Override
    public void flush() throws java.io.IOException {
      next.flush();
    }
  }
}
