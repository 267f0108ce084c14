package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable {@code huberman-app.jar}, started as an operator would ({@code java -jar},
 * configured by environment variables only), with its standard output and error kept in files.
 */
public final class RunnableProcess implements AutoCloseable {

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final int port;

  private RunnableProcess(Process process, Path stdout, Path stderr, int port) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.port = port;
  }

  public static RunnableProcess start(Path jar, Path workDir, Map<String, String> environment)
      throws IOException {
    return start(jar, workDir, environment, List.of());
  }

  /**
   * @param arguments after {@code -jar huberman-app.jar}: Payara Micro options, as an operator may
   *     add them
   */
  public static RunnableProcess start(
      Path jar, Path workDir, Map<String, String> environment, List<String> arguments)
      throws IOException {
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + workDir);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    Path stdout = Files.createTempFile(workDir, "stdout-", ".log");
    Path stderr = Files.createTempFile(workDir, "stderr-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    int port = Integer.parseInt(environment.get("APP_PORT"));
    return new RunnableProcess(builder.start(), stdout, stderr, port);
  }

  public int port() {
    return port;
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** How much the process has written so far: grows while it makes progress. */
  public long outputSize() {
    return stdout.toFile().length() + stderr.toFile().length();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public List<String> stdoutLines() throws IOException {
    return Files.readAllLines(stdout, StandardCharsets.UTF_8);
  }

  public String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  /** The last lines of output, for failure messages. */
  public String tail() {
    try {
      List<String> lines = stdoutLines();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))
          + "\n--- stderr ---\n"
          + stderr();
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }

  /** {@code kill -9}: the process gets no chance to finish anything. */
  public void kill() throws InterruptedException {
    ServerProcesses.killTree(process.toHandle());
    process.waitFor();
  }

  /** Waits for the process to end by itself; the exit code, or -1 if it did not end. */
  public int awaitExit(Duration patience) throws InterruptedException {
    return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** Sends SIGTERM and waits for the process to end; the exit code, or -1 if it did not end. */
  public int terminate(Duration patience) throws InterruptedException {
    process.destroy();
    return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** {@code SIGTERM}; a process still running after 30 s is killed with its whole tree. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
