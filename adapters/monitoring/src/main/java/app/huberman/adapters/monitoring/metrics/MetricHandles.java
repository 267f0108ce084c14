package app.huberman.adapters.monitoring.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counters and timers by name and tags, created once and then reused. Payara 7.2025.1's registry is
 * not safe when several threads create the same new timer at once ({@code
 * ConcurrentModificationException} in {@code TimerImpl}), so creation is serialised here; lookups
 * of existing handles take no lock.
 */
public final class MetricHandles {

  private static final Object CREATION = new Object();

  private final MetricRegistry registry;
  private final Map<Key, Object> handles = new ConcurrentHashMap<>();

  public MetricHandles(MetricRegistry registry) {
    this.registry = registry;
  }

  public Counter counter(Metadata metadata, Tag... tags) {
    return (Counter) handle(metadata, tags, () -> registry.counter(metadata, tags));
  }

  public Timer timer(Metadata metadata, Tag... tags) {
    return (Timer) handle(metadata, tags, () -> registry.timer(metadata, tags));
  }

  private Object handle(Metadata metadata, Tag[] tags, Supplier<Object> create) {
    Key key = new Key(metadata.getName(), List.of(tags));
    Object existing = handles.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (CREATION) {
      return handles.computeIfAbsent(key, ignored -> create.get());
    }
  }

  private record Key(String name, List<Tag> tags) {
    @Override
    public String toString() {
      return name + Arrays.toString(tags.toArray());
    }
  }
}
