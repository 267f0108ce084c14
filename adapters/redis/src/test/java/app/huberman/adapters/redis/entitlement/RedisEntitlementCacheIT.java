package app.huberman.adapters.redis.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.redis.ManualNanoTime;
import app.huberman.adapters.redis.RecordingDegradationEvents;
import app.huberman.adapters.redis.RecordingDegradationEvents.FellBack;
import app.huberman.adapters.redis.RedisOutage;
import app.huberman.adapters.redis.RedisSettings;
import app.huberman.adapters.redis.RedisTestServer;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.user.UserId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

class RedisEntitlementCacheIT {

  private static final UserId ADA = UserId.of(42);
  private static final Entitlement PREMIUM =
      new Entitlement(
          true,
          PlanSlug.of("premium-annual"),
          List.of("full_protocol_library", "offline_notes"),
          Optional.of(Instant.parse("2027-01-31T10:15:30Z")));
  private static final Entitlement FREE =
      new Entitlement(false, PlanSlug.FREE, List.of("episode_summaries"), Optional.empty());

  private final String prefix = "huberman:entitlements:it-" + UUID.randomUUID() + ":";
  private final RecordingDegradationEvents degradation = new RecordingDegradationEvents();
  private final List<RedissonClient> clients = new ArrayList<>();
  private final RedissonClient direct = client(RedisTestServer.settings());

  @AfterEach
  void removeTheKeysAndShutDown() {
    try {
      direct.getKeys().deleteByPattern(prefix + "*");
    } finally {
      clients.forEach(RedissonClient::shutdown);
    }
  }

  @Test
  void answersWhatWasPutUntilItIsEvicted() {
    RedisEntitlementCache cache = cache(RedisTestServer.settings());
    assertThat(cache.get(ADA)).isEmpty();

    cache.put(ADA, PREMIUM, Duration.ofMinutes(5));

    assertThat(cache.get(ADA)).contains(PREMIUM);
    assertThat(cache.get(UserId.of(43))).isEmpty();
    cache.evict(ADA);
    assertThat(cache.get(ADA)).isEmpty();
    assertThat(degradation.reported()).isEmpty();
  }

  @Test
  void anAnswerReadBeforeAChangeIsNotCachedAfterItsEvictionUntilTheGuardHasPassed()
      throws InterruptedException {
    RedisEntitlementCache cache = cache(RedisTestServer.settings());
    cache.put(ADA, PREMIUM, Duration.ofMinutes(5));

    cache.evict(ADA);
    cache.put(ADA, FREE, Duration.ofMinutes(5)); // a reader that computed before the change

    assertThat(cache.get(ADA)).isEmpty();
    Thread.sleep(800); // the test's guard is 400 ms
    cache.put(ADA, FREE, Duration.ofMinutes(5));
    assertThat(cache.get(ADA)).contains(FREE);
  }

  @Test
  void storesReadableJsonUnderTheUsersKeyWithTheTimeToLive() {
    RedisEntitlementCache cache = cache(RedisTestServer.settings());

    cache.put(ADA, PREMIUM, Duration.ofMinutes(5));

    assertThat(direct.<String>getBucket(prefix + "42", StringCodec.INSTANCE).get())
        .isEqualTo(EntitlementJson.write(PREMIUM))
        .startsWith("{\"v\":1,\"premium\":true,\"plan\":\"premium-annual\"");
    assertThat(direct.getKeys().remainTimeToLive(prefix + "42"))
        .isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
  }

  @Test
  void anEntryIsGoneOnceItsTimeToLiveHasPassed() throws InterruptedException {
    RedisEntitlementCache cache = cache(RedisTestServer.settings());

    cache.put(ADA, PREMIUM, Duration.ofMillis(300));
    Thread.sleep(600);

    assertThat(cache.get(ADA)).isEmpty();
  }

  @Test
  void aValueItCannotReadIsAMissNotAnOutage() {
    RedisEntitlementCache cache = cache(RedisTestServer.settings());
    direct.<String>getBucket(prefix + "42", StringCodec.INSTANCE).set("{\"v\":0}");

    assertThat(cache.get(ADA)).isEmpty();
    assertThat(degradation.reported()).isEmpty();
  }

  @Test
  void withRedisAbsentItAnswersEmptyQuicklyThrowsNothingAndReportsOnce() {
    RedisEntitlementCache cache = cache(RedisTestServer.absent());

    long start = System.nanoTime();
    assertThat(cache.get(ADA)).isEmpty();
    cache.put(ADA, PREMIUM, Duration.ofMinutes(5));
    cache.evict(ADA);
    assertThat(cache.get(ADA)).isEmpty();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    List<FellBack> reported = degradation.reported();
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0).dependency()).isEqualTo("redis");
    assertThat(reported.get(0).capability()).isEqualTo("entitlement-cache");
  }

  @Test
  void aRedisThatNeverAnswersCostsOneCallTheCommandTimeoutAndThenIsSkipped() throws IOException {
    try (SilentServer silent = new SilentServer()) {
      RedisEntitlementCache cache = cache(new RedisSettings("127.0.0.1", silent.port(), "", false));

      long start = System.nanoTime();
      assertThat(cache.get(ADA)).isEmpty();
      Duration first = Duration.ofNanos(System.nanoTime() - start);
      start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(cache.get(ADA)).isEmpty();
        cache.put(ADA, PREMIUM, Duration.ofMinutes(5));
      }
      Duration next = Duration.ofNanos(System.nanoTime() - start);

      assertThat(first)
          .isGreaterThanOrEqualTo(RedisEntitlementCache.COMMAND_TIMEOUT)
          .isLessThan(Duration.ofSeconds(1));
      assertThat(next).isLessThan(Duration.ofMillis(100));
      assertThat(degradation.reported()).hasSize(1);
    }
  }

  @Test
  void whileRedisStaysDownItTriesAgainAfterAPauseAndReportsAtMostOnceEveryTenSeconds() {
    ManualNanoTime time = new ManualNanoTime();
    RedisEntitlementCache cache = cache(RedisTestServer.absent(), time);

    cache.get(ADA);
    time.advance(RedisOutage.PAUSE);
    cache.get(ADA);
    assertThat(degradation.reported()).hasSize(1);

    time.advance(RedisOutage.REPORT_EVERY);
    cache.evict(ADA);
    assertThat(degradation.reported()).hasSize(2);
  }

  private RedisEntitlementCache cache(RedisSettings settings) {
    return cache(settings, System::nanoTime);
  }

  private RedisEntitlementCache cache(RedisSettings settings, LongSupplier nanoTime) {
    return new RedisEntitlementCache(
        client(settings),
        degradation,
        prefix,
        RedisEntitlementCache.COMMAND_TIMEOUT,
        Duration.ofMillis(400),
        nanoTime);
  }

  private RedissonClient client(RedisSettings settings) {
    RedissonClient client = settings.createClient();
    clients.add(client);
    return client;
  }

  /** Accepts connections and never answers: a hung Redis. */
  private static final class SilentServer implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentServer() throws IOException {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!server.isClosed()) {
                  try {
                    accepted.add(server.accept());
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              });
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
