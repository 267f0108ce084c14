package app.huberman.adapters.redis.entitlement;

import app.huberman.adapters.redis.RedisOutage;
import app.huberman.application.shared.port.out.DegradationEventsPort;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.redisson.api.RBucket;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Entitlements in Redis, one string key per user ({@value #KEY_PREFIX}{@code <user id>}) holding
 * {@link EntitlementJson} and expiring after the time to live the caller gives.
 *
 * <p>The cache only saves PostgreSQL work, so it never stands in a request's way: the caller waits
 * at most {@link #COMMAND_TIMEOUT} for a command (shorter than the shared client's own timeout and
 * retry, and than its first connection attempt), and any failure (down, slow, refusing, a value it
 * cannot read) makes {@link #get} answer empty and {@link #put} and {@link #evict} do nothing,
 * without throwing. A failure is reported to {@link DegradationEventsPort} at most once per {@link
 * RedisOutage#REPORT_EVERY}, and Redis is then left alone for {@link RedisOutage#PAUSE}, so an
 * outage costs one request the timeout now and then instead of every request.
 *
 * <p>An eviction lost to an outage leaves the old entitlement until its time to live runs out: the
 * time to live bounds how stale the cache can be.
 */
// Bootstrap puts RecentEntitlements in front of it; only that is the EntitlementCachePort bean.
@ApplicationScoped
@Typed(RedisEntitlementCache.class)
public class RedisEntitlementCache implements EntitlementCachePort {

  static final String KEY_PREFIX = "huberman:entitlements:";
  static final String DEPENDENCY = "redis";
  static final String CAPABILITY = "entitlement-cache";
  static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);

  /**
   * How long an eviction keeps its key from being filled again: longer than a request that read the
   * state before a change takes to cache what it read.
   */
  static final Duration EVICTION_GUARD = Duration.ofSeconds(5);

  /** What an evicted key holds while guarded; never a valid entry. */
  static final String EVICTED = "evicted";

  private static final Executor SENDER =
      task -> Thread.ofVirtual().name("entitlement-cache").start(task);

  private RedissonClient redisson;
  private DegradationEventsPort degradation;
  private String keyPrefix;
  private Duration commandTimeout;
  private Duration evictionGuard;
  private RedisOutage outage;

  /** For the CDI proxy only. */
  protected RedisEntitlementCache() {}

  @Inject
  public RedisEntitlementCache(RedissonClient redisson, DegradationEventsPort degradation) {
    this(redisson, degradation, KEY_PREFIX, COMMAND_TIMEOUT, EVICTION_GUARD, System::nanoTime);
  }

  /**
   * @param keyPrefix put before the user id to make the key
   * @param commandTimeout how long one command may take before it counts as a failure
   * @param evictionGuard how long an eviction keeps the key from being filled again
   * @param nanoTime the monotonic clock of the pauses after a failure
   */
  RedisEntitlementCache(
      RedissonClient redisson,
      DegradationEventsPort degradation,
      String keyPrefix,
      Duration commandTimeout,
      Duration evictionGuard,
      LongSupplier nanoTime) {
    this.redisson = Objects.requireNonNull(redisson, "redisson");
    this.degradation = Objects.requireNonNull(degradation, "degradation");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
    this.evictionGuard = Objects.requireNonNull(evictionGuard, "evictionGuard");
    this.outage = new RedisOutage(nanoTime);
  }

  @Override
  public Optional<Entitlement> get(UserId user) {
    return run(user, RBucket::getAsync)
        .filter(value -> !EVICTED.equals(value))
        .flatMap(EntitlementJson::read);
  }

  /**
   * Fills an empty key only. A request that read the state just before a change may arrive here
   * after the change evicted the key; the eviction's guard makes its stale answer go unsaved.
   */
  @Override
  public void put(UserId user, Entitlement entitlement, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("A cached entitlement lives a positive time: " + ttl);
    }
    String value = EntitlementJson.write(entitlement);
    run(user, bucket -> bucket.setIfAbsentAsync(value, ttl));
  }

  /** Replaces the entry with a short-lived guard (see {@link #put}). */
  @Override
  public void evict(UserId user) {
    run(user, bucket -> bucket.setAsync(EVICTED, evictionGuard));
  }

  /** Runs one command on the user's key; empty when it failed, was skipped or answered nil. */
  private <T> Optional<T> run(UserId user, Function<RBucket<String>, RFuture<T>> command) {
    if (!outage.tryRedis()) {
      return Optional.empty();
    }
    CompletableFuture<T> reply = send(keyPrefix + user.value(), command);
    try {
      T answer = reply.get(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
      if (outage.redisAnswered()) {
        forgetWhatWasCachedBeforeTheOutage();
        return Optional.empty();
      }
      return Optional.ofNullable(answer);
    } catch (InterruptedException e) {
      reply.cancel(false);
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      reply.cancel(false);
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (outage.redisFailed()) {
        degradation.fellBack(DEPENDENCY, CAPABILITY, cause);
      }
      return Optional.empty();
    }
  }

  /**
   * Evictions made while Redis could not be reached were lost, so any entry may be stale: after an
   * outage the cache starts empty. (Entries written by other instances meanwhile go too; they are
   * recomputed on the next read.)
   */
  private void forgetWhatWasCachedBeforeTheOutage() {
    SENDER.execute(() -> redisson.getKeys().deleteByPatternAsync(keyPrefix + "*"));
  }

  /**
   * Sends the command from a virtual thread: the first command of a lazily connecting client blocks
   * while it connects (connect timeout and retries), and the caller must not wait for that.
   */
  private <T> CompletableFuture<T> send(String key, Function<RBucket<String>, RFuture<T>> command) {
    CompletableFuture<T> reply = new CompletableFuture<>();
    SENDER.execute(
        () -> {
          try {
            command
                .apply(redisson.getBucket(key, StringCodec.INSTANCE))
                .whenComplete(
                    (answer, failure) -> {
                      if (failure == null) {
                        reply.complete(answer);
                      } else {
                        reply.completeExceptionally(failure);
                      }
                    });
          } catch (RuntimeException e) {
            reply.completeExceptionally(e);
          }
        });
    return reply;
  }
}
