package app.huberman.adapters.monitoring.system;

import app.huberman.adapters.monitoring.system.DiskSettings.Volume;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges Payara 7.2025.1 does not export: disk space of the volumes the app writes to ({@code
 * disk_total_bytes}, {@code disk_free_bytes} by {@code volume}), the process's CPU ({@code
 * process_cpu_load}, {@code process_cpu_time_seconds}) and the memory of the host or container
 * ({@code system_memory_total_bytes}, {@code system_memory_free_bytes}). Payara already exports
 * heap, non-heap, threads, GC, {@code cpu_systemLoadAverage} and {@code system_cpu_load}. Values
 * are read at scrape time: each is one cheap system call.
 */
@ApplicationScoped
public class SystemGauges {

  private static final Logger LOG = Logger.getLogger(SystemGauges.class.getName());

  private MetricRegistry registry;
  private DiskSettings disks;

  /** For the CDI proxy only. */
  protected SystemGauges() {}

  @Inject
  public SystemGauges(MetricRegistry registry, DiskSettings disks) {
    this.registry = registry;
    this.disks = disks;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    for (Volume volume : disks.volumes()) {
      registerDisk(volume);
    }
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      gauge(
          "process_cpu_load",
          "CPU used by this process, as a share (0 to 1) of the CPUs available to it",
          MetricUnits.NONE,
          os::getProcessCpuLoad);
      gauge(
          "process_cpu_time",
          "CPU time used by this process since it started (read it with rate())",
          MetricUnits.SECONDS,
          () -> os.getProcessCpuTime() / 1e9);
      gauge(
          "system_memory_total",
          "Memory of the host, or of the container when it has a limit",
          MetricUnits.BYTES,
          os::getTotalMemorySize);
      gauge(
          "system_memory_free",
          "Free memory of the host, or of the container when it has a limit",
          MetricUnits.BYTES,
          os::getFreeMemorySize);
    }
  }

  private void registerDisk(Volume volume) {
    FileStore store;
    try {
      store = DiskUsage.storeOf(volume.path());
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "No disk gauges for {0} ({1}): {2}",
          new Object[] {volume.name(), volume.path(), e.getMessage()});
      return;
    }
    Tag tag = new Tag("volume", volume.name());
    gauge(
        "disk_total",
        "Size of the file system holding a volume the app writes to",
        MetricUnits.BYTES,
        () -> space(store::getTotalSpace),
        tag);
    gauge(
        "disk_free",
        "Space this process may still use on the file system holding a volume the app writes to",
        MetricUnits.BYTES,
        () -> space(store::getUsableSpace),
        tag);
  }

  private interface SpaceReader {
    long read() throws IOException;
  }

  /** NaN when the file system cannot be read (Prometheus shows a gap, not a false zero). */
  private static double space(SpaceReader reader) {
    try {
      return reader.read();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private void gauge(
      String name, String description, String unit, Supplier<Number> value, Tag... tags) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
        () -> value.get().doubleValue(),
        tags);
  }
}
