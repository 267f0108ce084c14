package app.huberman.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The rules several configurations share for reading their variables: a blank value is unset; some
 * settings go together, all or none; a PEM setting holds the text or names its file.
 */
final class Settings {

  private Settings() {}

  /** The variable's value, stripped; empty when it is unset or blank. */
  static Optional<String> optional(String name) {
    return ConfigProvider.getConfig()
        .getOptionalValue(name, String.class)
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  /**
   * The values of variables that only work together, in the order of {@code names}: all of them, or
   * none when none is set.
   *
   * @throws IllegalArgumentException with {@code refusal} when some but not all are set
   */
  static Optional<List<String>> allOrNone(List<String> names, String refusal) {
    List<Optional<String>> values = names.stream().map(Settings::optional).toList();
    long set = values.stream().filter(Optional::isPresent).count();
    if (set == 0) {
      return Optional.empty();
    }
    if (set < names.size()) {
      throw new IllegalArgumentException(refusal);
    }
    return Optional.of(values.stream().map(Optional::orElseThrow).toList());
  }

  /**
   * A PEM setting's text: the value itself when it is PEM, else the file it names.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static String pemText(String pemOrPath, String name) {
    String value = pemOrPath.strip();
    if (value.startsWith("-----BEGIN")) {
      return value;
    }
    try {
      return Files.readString(Path.of(value), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + " from " + value, e);
    }
  }
}
