package app.huberman.adapters.monitoring.system;

import app.huberman.adapters.monitoring.system.DiskSettings.Volume;
import app.huberman.application.health.port.out.DependencyProbePort;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Readiness: every volume the app writes to keeps at least {@code DISK_FREE_MIN_BYTES} usable. A
 * full temporary directory breaks uploads of request bodies and the server's own files; a full log
 * volume loses the logs an operator needs. The timeout is enforced by the caller: a hung network
 * file system makes this probe late, and late counts as down.
 */
@Dependent
public class DiskSpaceProbe implements DependencyProbePort {

  private final DiskSettings settings;

  @Inject
  public DiskSpaceProbe(DiskSettings settings) {
    this.settings = settings;
  }

  @Override
  public String dependencyName() {
    return "disk";
  }

  @Override
  public void probe(Duration timeout) throws IOException {
    List<String> lowVolumes = new ArrayList<>();
    for (Volume volume : settings.volumes()) {
      long usable = DiskUsage.storeOf(volume.path()).getUsableSpace();
      if (usable < settings.freeMinBytes()) {
        lowVolumes.add(
            volume.name()
                + " ("
                + volume.path()
                + ") has "
                + DiskUsage.mebibytes(usable)
                + " free, below "
                + DiskUsage.mebibytes(settings.freeMinBytes()));
      }
    }
    if (!lowVolumes.isEmpty()) {
      throw new IllegalStateException(String.join("; ", lowVolumes));
    }
  }
}
