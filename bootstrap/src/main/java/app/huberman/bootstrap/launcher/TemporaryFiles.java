package app.huberman.bootstrap.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the launcher hands to Payara Micro on its command line, deleted when the JVM exits. */
final class TemporaryFiles {

  private TemporaryFiles() {}

  /**
   * @param what what the file holds, for the failure's message
   */
  static Path write(String prefix, String suffix, String content, String what) {
    try {
      Path file = Files.createTempFile(prefix, suffix);
      file.toFile().deleteOnExit();
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + what, e);
    }
  }
}
