package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.Race;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.StalledWebhookEvent;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.UnprocessedWebhookEvents;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookEventRepository} must do. The in-memory fake and the JDBC adapter both
 * extend it. Every call runs inside {@link #transactions()}; every notification is stored with its
 * processing job, as the port stores them; times have whole microseconds, as PostgreSQL keeps them.
 *
 * <p>Payloads here are JSON in the form PostgreSQL's {@code jsonb} prints (keys shortest first, one
 * space after {@code :} and {@code ,}): a store may normalise a payload's whitespace and key order,
 * and need keep only its meaning.
 */
public abstract class WebhookEventRepositoryContract {

  private static final Instant OCCURRED = Instant.parse("2026-03-01T11:59:58.654321Z");
  private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00.123456Z");
  private static final String PAYLOAD =
      "{\"id\": \"evt_1\", \"data\": {\"object\": {\"id\": \"sub_1\", \"status\": \"active\"}}}";

  private WebhookEventRepository events;

  /** A repository that stores no event. */
  protected abstract WebhookEventRepository emptyRepository();

  /** The transaction boundary the repository's calls run in; it may be used by several threads. */
  protected abstract UnitOfWorkPort transactions();

  /**
   * The jobs of {@link #PROCESS} the repository given by {@link #emptyRepository()} enqueued, each
   * as its payload's {@code event} value, in any order.
   */
  protected abstract List<String> processingJobsEnqueued();

  /**
   * The processing job of the notification, enqueued with it, is gone from the queue: it succeeded,
   * or gave up and was buried.
   */
  protected abstract void processingJobGone(WebhookEventKey key);

  /** The type of the jobs the tests have enqueued along with notifications. */
  protected static final JobType PROCESS = JobType.of("test.process-webhook");

  /** A job naming the notification it processes, unique per notification as the real one is. */
  static NewJob processing(VerifiedNotification notification) {
    return new NewJob(
        PROCESS,
        JobPayload.of(
            1, Map.of("event", notification.provider().key() + "/" + notification.eventId())),
        JobOptions.defaults().uniqueBy(notification.key().processingJobKey()));
  }

  @BeforeEach
  void startEmpty() {
    events = emptyRepository();
  }

  @Test
  void storesANewNotificationAsUnprocessedAndSaysItDid() {
    VerifiedNotification notification = notification(PaymentProvider.STRIPE, "evt_1");

    boolean added = tx(() -> add(notification, RECEIVED));

    assertThat(added).isTrue();
    StoredWebhookEvent stored = find(PaymentProvider.STRIPE, "evt_1").orElseThrow();
    assertThat(stored)
        .isEqualTo(
            new StoredWebhookEvent(notification, RECEIVED, Optional.empty(), 0, Optional.empty()));
    assertThat(stored.isProcessed()).isFalse();
  }

  @Test
  void keepsTheFirstOfTwoNotificationsWithTheSameIdAndSaysTheSecondWasNotStored() {
    VerifiedNotification first = notification(PaymentProvider.APPLE, "n-1");
    VerifiedNotification redelivered =
        new VerifiedNotification(
            PaymentProvider.APPLE, "n-1", "DID_RENEW", OCCURRED.plusSeconds(9), "{\"other\": 1}");
    tx(() -> add(first, RECEIVED));

    boolean addedAgain = tx(() -> add(redelivered, RECEIVED.plusSeconds(60)));

    assertThat(addedAgain).isFalse();
    assertThat(find(PaymentProvider.APPLE, "n-1"))
        .map(StoredWebhookEvent::notification)
        .contains(first);
    assertThat(find(PaymentProvider.APPLE, "n-1").orElseThrow().receivedAt()).isEqualTo(RECEIVED);
  }

  @Test
  void theSameIdFromAnotherProviderIsAnotherNotification() {
    tx(() -> add(notification(PaymentProvider.APPLE, "same"), RECEIVED));

    boolean added = tx(() -> add(notification(PaymentProvider.GOOGLE, "same"), RECEIVED));

    assertThat(added).isTrue();
    assertThat(find(PaymentProvider.GOOGLE, "same")).isPresent();
    assertThat(find(PaymentProvider.STRIPE, "same")).isEmpty();
  }

  @Test
  void findsNothingForAnUnknownId() {
    tx(() -> add(notification(PaymentProvider.STRIPE, "evt_1"), RECEIVED));

    assertThat(find(PaymentProvider.STRIPE, "evt_2")).isEmpty();
  }

  @Test
  void concurrentAddsOfOneNotificationStoreItOnce() throws Exception {
    VerifiedNotification notification = notification(PaymentProvider.GOOGLE, "msg-1");
    List<Callable<Boolean>> adds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      adds.add(() -> tx(() -> add(notification, RECEIVED)));
    }

    List<Boolean> stored = Race.of(adds);

    assertThat(stored).containsOnlyOnce(true);
    assertThat(find(PaymentProvider.GOOGLE, "msg-1")).isPresent();
  }

  @Test
  void storesEveryNewNotificationOfABatchAndSaysWhichItStored() {
    tx(() -> add(notification(PaymentProvider.STRIPE, "evt_old"), RECEIVED));
    VerifiedNotification redelivered = notification(PaymentProvider.STRIPE, "evt_old");
    VerifiedNotification second = notification(PaymentProvider.STRIPE, "evt_2");
    VerifiedNotification third = notification(PaymentProvider.APPLE, "evt_2");
    Instant later = RECEIVED.plusSeconds(5);

    Set<WebhookEventKey> stored = tx(() -> add(List.of(second, redelivered, third), later));

    assertThat(stored).containsExactlyInAnyOrder(second.key(), third.key());
    assertThat(find(PaymentProvider.STRIPE, "evt_2"))
        .contains(new StoredWebhookEvent(second, later, Optional.empty(), 0, Optional.empty()));
    assertThat(find(PaymentProvider.APPLE, "evt_2").orElseThrow().notification()).isEqualTo(third);
    assertThat(find(PaymentProvider.STRIPE, "evt_old").orElseThrow().receivedAt())
        .isEqualTo(RECEIVED);
  }

  @Test
  void ofTwoNotificationsWithOneKeyInABatchStoresTheFirst() {
    VerifiedNotification first = notification(PaymentProvider.GOOGLE, "msg-1");
    VerifiedNotification again =
        new VerifiedNotification(
            PaymentProvider.GOOGLE, "msg-1", "other", OCCURRED.plusSeconds(1), "{\"other\": 1}");

    Set<WebhookEventKey> stored = tx(() -> add(List.of(first, again), RECEIVED));

    assertThat(stored).containsExactly(first.key());
    assertThat(find(PaymentProvider.GOOGLE, "msg-1"))
        .map(StoredWebhookEvent::notification)
        .contains(first);
  }

  @Test
  void storesEachNewNotificationWithItsJobAndADuplicateWithNone() {
    tx(() -> add(notification(PaymentProvider.STRIPE, "evt_old"), RECEIVED));
    VerifiedNotification second = notification(PaymentProvider.STRIPE, "evt_2");
    VerifiedNotification third = notification(PaymentProvider.APPLE, "evt_2");
    List<VerifiedNotification> batch =
        List.of(second, notification(PaymentProvider.STRIPE, "evt_old"), third, second);

    Set<WebhookEventKey> stored = tx(() -> add(batch, RECEIVED));

    assertThat(stored).containsExactlyInAnyOrder(second.key(), third.key());
    assertThat(find(PaymentProvider.STRIPE, "evt_2").orElseThrow().notification())
        .isEqualTo(second);
    assertThat(processingJobsEnqueued())
        .as("one job for the notification stored before, none for its duplicate")
        .containsExactlyInAnyOrder("stripe/evt_old", "stripe/evt_2", "apple/evt_2");
  }

  @Test
  void concurrentBatchesInAnyOrderStoreEachNotificationOnceWithOneJob() throws Exception {
    List<VerifiedNotification> notifications = twenty(PaymentProvider.GOOGLE, "msg-race-");

    List<Set<WebhookEventKey>> stored =
        Race.of(inFourShuffledBatches(notifications, batch -> add(batch, RECEIVED)));

    assertThat(stored.stream().flatMap(Set::stream).toList())
        .containsExactlyInAnyOrderElementsOf(
            notifications.stream().map(VerifiedNotification::key).toList());
    assertThat(processingJobsEnqueued())
        .containsExactlyInAnyOrderElementsOf(
            notifications.stream().map(n -> "google/" + n.eventId()).toList());
  }

  @Test
  void aBatchOfNothingStoresNothing() {
    assertThat(tx(() -> add(List.of(), RECEIVED))).isEmpty();
  }

  /** Twenty notifications of the provider, with event ids {@code prefix0} to {@code prefix19}. */
  private static List<VerifiedNotification> twenty(PaymentProvider provider, String prefix) {
    List<VerifiedNotification> notifications = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      notifications.add(notification(provider, prefix + i));
    }
    return notifications;
  }

  /** Four transactions, each storing all the notifications in an order of its own. */
  private List<Callable<Set<WebhookEventKey>>> inFourShuffledBatches(
      List<VerifiedNotification> notifications,
      Function<List<VerifiedNotification>, Set<WebhookEventKey>> store) {
    List<Callable<Set<WebhookEventKey>>> batches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<VerifiedNotification> mine = new ArrayList<>(notifications);
      Collections.shuffle(mine, new Random(i));
      batches.add(() -> tx(() -> store.apply(mine)));
    }
    return batches;
  }

  @Test
  void marksANotificationProcessedAndCountsTheAttempt() {
    tx(() -> add(notification(PaymentProvider.STRIPE, "evt_1"), RECEIVED));
    Instant processedAt = RECEIVED.plusSeconds(2);

    tx(() -> markProcessed(PaymentProvider.STRIPE, "evt_1", processedAt, Optional.empty()));

    StoredWebhookEvent stored = find(PaymentProvider.STRIPE, "evt_1").orElseThrow();
    assertThat(stored.processedAt()).contains(processedAt);
    assertThat(stored.isProcessed()).isTrue();
    assertThat(stored.attempts()).isEqualTo(1);
    assertThat(stored.lastError()).isEmpty();
  }

  @Test
  void keepsWhyANotificationCouldNotBeApplied() {
    tx(() -> add(notification(PaymentProvider.APPLE, "n-1"), RECEIVED));

    tx(
        () ->
            markProcessed(
                PaymentProvider.APPLE,
                "n-1",
                RECEIVED.plusSeconds(5),
                Optional.of("Unknown product: app.huberman.gold")));

    StoredWebhookEvent stored = find(PaymentProvider.APPLE, "n-1").orElseThrow();
    assertThat(stored.isProcessed()).isTrue();
    assertThat(stored.lastError()).contains("Unknown product: app.huberman.gold");
  }

  @Test
  void countsEveryAttemptAndKeepsTheLatestTime() {
    tx(() -> add(notification(PaymentProvider.STRIPE, "evt_1"), RECEIVED));
    tx(
        () ->
            markProcessed(
                PaymentProvider.STRIPE, "evt_1", RECEIVED.plusSeconds(1), Optional.empty()));

    tx(
        () ->
            markProcessed(
                PaymentProvider.STRIPE, "evt_1", RECEIVED.plusSeconds(9), Optional.empty()));

    StoredWebhookEvent stored = find(PaymentProvider.STRIPE, "evt_1").orElseThrow();
    assertThat(stored.attempts()).isEqualTo(2);
    assertThat(stored.processedAt()).contains(RECEIVED.plusSeconds(9));
  }

  @Test
  void deletesOnlyProcessedNotificationsReceivedBeforeTheCutoff() {
    Instant cutoff = RECEIVED.plus(Duration.ofDays(30));
    addProcessed("old-processed", cutoff.minusSeconds(1), true);
    addProcessed("old-unprocessed", cutoff.minusSeconds(1), false);
    addProcessed("at-cutoff", cutoff, true);
    addProcessed("recent", cutoff.plusSeconds(1), true);

    int deleted = tx(() -> events.deleteProcessedBefore(cutoff, 100));

    assertThat(deleted).isEqualTo(1);
    assertThat(find(PaymentProvider.STRIPE, "old-processed")).isEmpty();
    assertThat(find(PaymentProvider.STRIPE, "old-unprocessed")).isPresent();
    assertThat(find(PaymentProvider.STRIPE, "at-cutoff")).isPresent();
    assertThat(find(PaymentProvider.STRIPE, "recent")).isPresent();
  }

  @Test
  void deletesNoMoreThanTheLimitAtATime() {
    Instant cutoff = RECEIVED.plus(Duration.ofDays(30));
    for (int i = 0; i < 5; i++) {
      addProcessed("old-" + i, RECEIVED.plusSeconds(i), true);
    }

    assertThat(tx(() -> events.deleteProcessedBefore(cutoff, 2))).isEqualTo(2);
    assertThat(tx(() -> events.deleteProcessedBefore(cutoff, 2))).isEqualTo(2);
    assertThat(tx(() -> events.deleteProcessedBefore(cutoff, 2))).isEqualTo(1);
    assertThat(tx(() -> events.deleteProcessedBefore(cutoff, 2))).isZero();
  }

  // --- the reconciler's view: unprocessed events with no processing job --------------------------

  @Test
  void anUnprocessedEventWithNoJobIsStalledOnceReceivedBeforeTheCutoff() {
    VerifiedNotification notification = notification(PaymentProvider.GOOGLE, "msg-1");
    tx(() -> add(notification, RECEIVED));
    processingJobGone(notification.key());

    assertThat(tx(() -> events.lockStalled(RECEIVED, RECEIVED, 10))).isEmpty();
    assertThat(tx(() -> events.lockStalled(RECEIVED.plusNanos(1000), RECEIVED, 10)))
        .containsExactly(
            new StalledWebhookEvent(notification.key(), notification.type(), RECEIVED, 0));
  }

  @Test
  void anEventIsNotStalledWhileItsProcessingJobIsQueuedOrRunning() {
    VerifiedNotification notification = notification(PaymentProvider.STRIPE, "evt_1");
    Instant later = RECEIVED.plus(Duration.ofDays(1));
    tx(() -> add(notification, RECEIVED));

    assertThat(tx(() -> events.lockStalled(later, later, 10))).isEmpty();

    processingJobGone(notification.key());

    assertThat(tx(() -> events.lockStalled(later, later, 10)))
        .extracting(StalledWebhookEvent::key)
        .containsExactly(notification.key());
  }

  @Test
  void aProcessedEventIsNeverStalled() {
    addProcessed("done", RECEIVED, true);
    processingJobGone(new WebhookEventKey(PaymentProvider.STRIPE, "done"));
    Instant later = RECEIVED.plus(Duration.ofDays(1));

    assertThat(tx(() -> events.lockStalled(later, later, 10))).isEmpty();
  }

  @Test
  void aReconciledEventIsStalledAgainFromItsNextTimeOnAndCountsItsReconciliations() {
    VerifiedNotification notification = notification(PaymentProvider.APPLE, "n-1");
    tx(() -> add(notification, RECEIVED));
    processingJobGone(notification.key());
    Instant next = RECEIVED.plus(Duration.ofHours(2));
    Instant farLater = RECEIVED.plus(Duration.ofDays(1));

    tx(() -> recordReconciliation(notification.key(), next));

    assertThat(tx(() -> events.lockStalled(farLater, next.minusSeconds(1), 10)))
        .as("received long before the cutoff, but not due again until its next time")
        .isEmpty();
    assertThat(tx(() -> events.lockStalled(RECEIVED, next, 10)))
        .containsExactly(
            new StalledWebhookEvent(notification.key(), notification.type(), RECEIVED, 1));
    tx(() -> recordReconciliation(notification.key(), next.plus(Duration.ofHours(1))));
    assertThat(tx(() -> events.lockStalled(farLater, farLater, 10)))
        .extracting(StalledWebhookEvent::reconciliations)
        .containsExactly(2);
  }

  @Test
  void findsTheOldestStalledEventsFirstAndNoMoreThanTheLimit() {
    for (int i = 4; i >= 0; i--) {
      int age = i;
      VerifiedNotification notification = notification(PaymentProvider.STRIPE, "evt_" + age);
      tx(() -> add(notification, RECEIVED.minusSeconds(age)));
      processingJobGone(notification.key());
    }
    Instant later = RECEIVED.plus(Duration.ofDays(1));

    assertThat(tx(() -> events.lockStalled(later, later, 3)))
        .extracting(stalled -> stalled.key().eventId())
        .containsExactly("evt_4", "evt_3", "evt_2");
  }

  @Test
  void refusesToRecordAReconciliationOfAnEventItDoesNotStore() {
    assertThatThrownBy(
            () ->
                tx(
                    () ->
                        recordReconciliation(
                            new WebhookEventKey(PaymentProvider.STRIPE, "never"), RECEIVED)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void countsTheUnprocessedEventsOfEachProviderAndTheOldestArrival() {
    tx(() -> add(notification(PaymentProvider.STRIPE, "a"), RECEIVED));
    tx(() -> add(notification(PaymentProvider.STRIPE, "b"), RECEIVED.minusSeconds(90)));
    tx(() -> add(notification(PaymentProvider.GOOGLE, "c"), RECEIVED));
    addProcessed("old-but-done", RECEIVED.minus(Duration.ofDays(3)), true);

    assertThat(transactions().readOnly(events::unprocessedByProvider))
        .containsExactlyInAnyOrder(
            new UnprocessedWebhookEvents(PaymentProvider.STRIPE, 2, RECEIVED.minusSeconds(90)),
            new UnprocessedWebhookEvents(PaymentProvider.GOOGLE, 1, RECEIVED));
  }

  /** Stores one notification with its processing job; whether this call stored it. */
  private boolean add(VerifiedNotification notification, Instant receivedAt) {
    return add(List.of(notification), receivedAt).contains(notification.key());
  }

  private Set<WebhookEventKey> add(List<VerifiedNotification> notifications, Instant receivedAt) {
    return events.add(notifications, receivedAt, WebhookEventRepositoryContract::processing);
  }

  private Void recordReconciliation(WebhookEventKey key, Instant nextAt) {
    events.recordReconciliation(key, nextAt);
    return null;
  }

  private void addProcessed(String eventId, Instant receivedAt, boolean processed) {
    tx(
        () -> {
          add(notification(PaymentProvider.STRIPE, eventId), receivedAt);
          if (processed) {
            events.markProcessed(
                PaymentProvider.STRIPE, eventId, receivedAt.plusSeconds(1), Optional.empty());
          }
          return null;
        });
  }

  private Void markProcessed(
      PaymentProvider provider, String eventId, Instant at, Optional<String> error) {
    events.markProcessed(provider, eventId, at, error);
    return null;
  }

  private Optional<StoredWebhookEvent> find(PaymentProvider provider, String eventId) {
    return transactions().readOnly(() -> events.find(provider, eventId));
  }

  private static VerifiedNotification notification(PaymentProvider provider, String eventId) {
    return new VerifiedNotification(
        provider, eventId, "customer.subscription.updated", OCCURRED, PAYLOAD);
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().atomically(work);
  }
}
