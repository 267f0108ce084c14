package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which documented path, method and status the end-to-end tests exercised, one line each in a file
 * per test JVM under {@code contract.coverage.dir} (one directory per Maven run), so that a check
 * run after every other test can see what the whole run covered.
 */
public final class ContractCoverage {

  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  private ContractCoverage() {}

  /** The directory of this run's observations. */
  public static Path directory() {
    return Path.of(
        System.getProperty("contract.coverage.dir", "target/contract-coverage/outside-maven"));
  }

  static void record(String observation) {
    if (SEEN.add(observation)) {
      write(observation);
    }
  }

  private static synchronized void write(String observation) {
    Path file = directory().resolve("observed-" + ProcessHandle.current().pid() + ".txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          observation + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documented path, method and status answered in this run. */
  public static Set<String> observed() throws IOException {
    Set<String> all = recorded();
    all.removeIf(line -> line.startsWith(Contract.TOLERATED));
    return all;
  }

  /** The undeclared 4xx answers to garbage that were accepted in this run. */
  public static Set<String> tolerated() throws IOException {
    Set<String> all = recorded();
    all.removeIf(line -> !line.startsWith(Contract.TOLERATED));
    return all;
  }

  private static Set<String> recorded() throws IOException {
    Set<String> all = new TreeSet<>();
    if (!Files.isDirectory(directory())) {
      return all;
    }
    try (Stream<Path> files = Files.list(directory())) {
      for (Path file : files.toList()) {
        all.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    all.remove("");
    return all;
  }
}
