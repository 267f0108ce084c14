package app.huberman.adapters.monitoring.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The volumes the app writes to and the free space each must keep for the instance to be ready.
 *
 * @param volumes the temporary directory, and the log directory when {@code LOG_FILE_DIR} is set
 * @param freeMinBytes {@code DISK_FREE_MIN_BYTES}: below this much usable space the instance is
 *     unready
 */
public record DiskSettings(List<Volume> volumes, long freeMinBytes) {

  public DiskSettings {
    volumes = List.copyOf(volumes);
    if (freeMinBytes < 0) {
      throw new IllegalArgumentException(
          "DISK_FREE_MIN_BYTES must not be negative, not " + freeMinBytes);
    }
  }

  /**
   * One volume, named by a short fixed label (the {@code volume} label of the disk gauges).
   *
   * @param name {@code tmp} or {@code logs}
   */
  public record Volume(String name, Path path) {
    public Volume {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
    }
  }
}
