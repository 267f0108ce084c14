package app.huberman.adapters.monitoring.system;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file system holding a directory. A directory that does not exist yet (a log directory the
 * first log file will create) is measured on its nearest existing parent.
 */
final class DiskUsage {

  private DiskUsage() {}

  static FileStore storeOf(Path directory) throws IOException {
    Path existing = directory.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IOException("no existing parent of " + directory);
    }
    return Files.getFileStore(existing);
  }

  /** Bytes as the nearest whole MiB, for messages operators read. */
  static String mebibytes(long bytes) {
    return (bytes / (1024 * 1024)) + " MiB";
  }
}
