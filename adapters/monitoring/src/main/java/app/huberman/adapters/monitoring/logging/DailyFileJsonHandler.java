package app.huberman.adapters.monitoring.logging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.LogManager;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The same JSON lines as {@link StdoutJsonHandler}, also written to {@code huberman-YYYY-MM-DD.log}
 * (UTC days) in {@code LOG_FILE_DIR}; a new file each day, the newest {@value #KEPT_FILES} kept.
 * java.util.logging's {@code FileHandler} rotates by size, not by day, hence this class.
 *
 * <p>java.util.logging creates it by class name with no arguments, reading the directory from the
 * logging property {@code app.huberman.adapters.monitoring.logging.DailyFileJsonHandler.directory}.
 */
public class DailyFileJsonHandler extends JsonLineHandler {

  public static final String DIRECTORY_PROPERTY =
      DailyFileJsonHandler.class.getName() + ".directory";
  static final int KEPT_FILES = 14;
  private static final Pattern LOG_FILE = Pattern.compile("huberman-\\d{4}-\\d{2}-\\d{2}\\.log");

  private final Path directory;
  private final Clock clock;
  private LocalDate openDay;
  private Writer writer;

  /** For java.util.logging's configuration. */
  public DailyFileJsonHandler() {
    this(Path.of(requiredDirectory()), Clock.systemUTC());
  }

  public DailyFileJsonHandler(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("LOG_FILE_DIR " + directory + " cannot be created", e);
    }
  }

  private static String requiredDirectory() {
    String directory = LogManager.getLogManager().getProperty(DIRECTORY_PROPERTY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalStateException(DIRECTORY_PROPERTY + " is not set");
    }
    return directory;
  }

  @Override
  synchronized void write(String line) {
    try {
      writerForToday().write(line);
      writer.flush();
    } catch (IOException e) {
      reportError("Could not write the log file", e, ErrorManager.WRITE_FAILURE);
    }
  }

  private Writer writerForToday() throws IOException {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (!today.equals(openDay)) {
      closeWriter();
      writer =
          new BufferedWriter(
              Files.newBufferedWriter(
                  directory.resolve("huberman-" + today + ".log"),
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND));
      openDay = today;
      deleteAllButTheNewest();
    }
    return writer;
  }

  private void deleteAllButTheNewest() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files =
          listed
              .filter(file -> LOG_FILE.matcher(file.getFileName().toString()).matches())
              .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
              .toList();
    }
    for (Path old : files.subList(Math.min(KEPT_FILES, files.size()), files.size())) {
      Files.deleteIfExists(old);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      if (writer != null) {
        writer.flush();
      }
    } catch (IOException e) {
      reportError("Could not flush the log file", e, ErrorManager.FLUSH_FAILURE);
    }
  }

  @Override
  public synchronized void close() {
    closeWriter();
  }

  private void closeWriter() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      reportError("Could not close the log file", e, ErrorManager.CLOSE_FAILURE);
    }
    writer = null;
    openDay = null;
  }
}
