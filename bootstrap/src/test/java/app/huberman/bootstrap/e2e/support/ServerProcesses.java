package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Payara servers this test JVM started, found as its descendant processes, and how to end them:
 * a whole process tree killed at once ({@code SIGKILL}), so that a hung server (which may ignore
 * {@code SIGTERM}) never outlives the test that started it and never holds its ports into the next
 * run. A JVM shutdown hook kills whatever is left when the test JVM itself is stopped.
 */
public final class ServerProcesses {

  private static final List<String> SERVER_JARS =
      List.of("payara-micro.jar", "huberman-app.jar", "huberman-runtime.jar");

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ServerProcesses::killAll, "kill-test-servers"));
  }

  private ServerProcesses() {}

  /** The Payara servers among this JVM's descendants that are still running. */
  public static List<ProcessHandle> running() {
    return ProcessHandle.current().descendants().filter(ServerProcesses::isServer).toList();
  }

  /** Kills every server this JVM started; the ones it had to kill (pid and command line). */
  public static List<String> killAll() {
    List<ProcessHandle> left = running();
    List<String> described = left.stream().map(ServerProcesses::describe).toList();
    left.forEach(ServerProcesses::killTree);
    return described;
  }

  /** {@code SIGKILL} to the process and all its descendants, then waits until they are gone. */
  public static void killTree(ProcessHandle process) {
    List<ProcessHandle> tree =
        java.util.stream.Stream.concat(process.descendants(), java.util.stream.Stream.of(process))
            .toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle member : tree) {
      try {
        member.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception stillThere) {
        // reported by the caller's check of running()
      }
    }
  }

  /** A description for failure messages: pid and command line. */
  public static String describe(ProcessHandle process) {
    return process.pid() + " " + process.info().commandLine().orElse("(command line unknown)");
  }

  /**
   * Writes a thread dump of the process (the JDK's {@code jcmd <pid> Thread.print}) to the file,
   * and returns its text, or why there is none.
   */
  public static String threadDump(ProcessHandle process, Path file) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Files.createDirectories(file.getParent());
      Process dump =
          new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(file.toFile())
              .start();
      if (!dump.waitFor(30, TimeUnit.SECONDS)) {
        dump.destroyForcibly();
        return "(jcmd did not answer within 30 s)";
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no thread dump: " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(no thread dump: interrupted)";
    }
  }

  private static boolean isServer(ProcessHandle process) {
    String commandLine = process.info().commandLine().orElse("");
    return process.isAlive() && SERVER_JARS.stream().anyMatch(commandLine::contains);
  }
}
