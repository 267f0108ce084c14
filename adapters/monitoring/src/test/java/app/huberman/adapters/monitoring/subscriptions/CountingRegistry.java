package app.huberman.adapters.monitoring.subscriptions;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A {@link MetricRegistry} that makes counters only, for recorder tests: the server's registry is
 * Payara's, and a recorder that asks for anything else fails the test.
 */
final class CountingRegistry {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final MetricRegistry registry =
      (MetricRegistry)
          Proxy.newProxyInstance(
              MetricRegistry.class.getClassLoader(),
              new Class<?>[] {MetricRegistry.class},
              (proxy, method, args) -> {
                if (method.getName().equals("counter")
                    && args.length == 2
                    && args[0] instanceof Metadata metadata
                    && args[1] instanceof Tag[] tags) {
                  return counter(key(metadata.getName(), tags));
                }
                throw new UnsupportedOperationException(method.toString());
              });

  MetricRegistry registry() {
    return registry;
  }

  /** The count of the counter with this name and these tags, in any order; 0 if never made. */
  long count(String name, Tag... tags) {
    AtomicLong count = counts.get(key(name, tags));
    return count == null ? 0 : count.get();
  }

  private Counter counter(String key) {
    AtomicLong count = counts.computeIfAbsent(key, ignored -> new AtomicLong());
    return new Counter() {
      @Override
      public void inc() {
        count.incrementAndGet();
      }

      @Override
      public void inc(long n) {
        count.addAndGet(n);
      }

      @Override
      public long getCount() {
        return count.get();
      }
    };
  }

  private static String key(String name, Tag[] tags) {
    List<String> sorted =
        Arrays.stream(tags)
            .map(tag -> tag.getTagName() + "=" + tag.getTagValue())
            .sorted()
            .toList();
    return name + sorted;
  }
}
