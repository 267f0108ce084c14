package app.huberman.adapters.rest.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The JVM's name resolver during the tests of this module (registered in {@code
 * META-INF/services}): it records every name looked up, answers {@code 127.0.0.1} for the hostile
 * names of {@link TrustedProxiesTest} (as an attacker's DNS would), and hands everything else to
 * the built-in resolver.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {

  /** Names an attacker makes resolve to a trusted proxy. */
  static final Set<String> HOSTILE = Set.of("g:1", "x:1", "proxy:80", "localhost:1");

  /** Resolved by the test itself, to show that this resolver is the one in use. */
  static final String CHECK = "resolver-check:1";

  private static final List<String> LOOKED_UP = new CopyOnWriteArrayList<>();

  /** Every name looked up so far in this JVM. */
  static List<String> lookedUp() {
    return List.copyOf(LOOKED_UP);
  }

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
          throws UnknownHostException {
        LOOKED_UP.add(host);
        if (HOSTILE.contains(host) || CHECK.equals(host)) {
          return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "recording resolver of the rest adapter's tests";
  }
}
