package app.huberman.bootstrap.e2e.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for the tests' requests (sent as {@code X-Forwarded-For} through the trusted
 * loopback proxy), each new, so that per-address rate limits never carry over from one test to the
 * next: 198.18.0.0/15, the benchmarking range, holds 130,000 of them.
 */
public final class TestAddresses {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestAddresses() {}

  public static String next() {
    int n = NEXT.getAndIncrement();
    return "198." + (18 + n / 62_500) + "." + (n / 250 % 250) + "." + (n % 250 + 1);
  }
}
