package app.huberman.adapters.monitoring.subscriptions;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A {@link MetricRegistry} that makes counters and supplier gauges only, for recorder tests: the
 * server's registry is Payara's, and a recorder that asks for anything else fails the test.
 */
public final class CountingRegistry {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, Supplier<?>> gauges = new ConcurrentHashMap<>();
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
                if (method.getName().equals("gauge")
                    && args.length == 3
                    && args[0] instanceof Metadata metadata
                    && args[1] instanceof Supplier<?> supplier
                    && args[2] instanceof Tag[] tags) {
                  gauges.put(key(metadata.getName(), tags), supplier);
                  return (Gauge<Number>) () -> (Number) supplier.get();
                }
                throw new UnsupportedOperationException(method.toString());
              });

  public MetricRegistry registry() {
    return registry;
  }

  /** The count of the counter with this name and these tags, in any order; 0 if never made. */
  public long count(String name, Tag... tags) {
    AtomicLong count = counts.get(key(name, tags));
    return count == null ? 0 : count.get();
  }

  /** Whether a counter with this name and these tags, in any order, was made (at 0 or more). */
  public boolean hasCounter(String name, Tag... tags) {
    return counts.containsKey(key(name, tags));
  }

  /** The value of the gauge with this name and these tags, in any order; null if never made. */
  public Object gaugeValue(String name, Tag... tags) {
    Supplier<?> gauge = gauges.get(key(name, tags));
    return gauge == null ? null : gauge.get();
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
