package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.Race;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import app.huberman.domain.job.JobType;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookInboxPort} must do: store a notification with its processing job, once,
 * committed by itself. The service tests' one-by-one inbox and the persistence adapter's
 * group-committing inbox both extend it.
 */
public abstract class WebhookInboxContract {

  /** The type of the jobs the tests accept notifications with. */
  protected static final JobType PROCESS = WebhookEventRepositoryContract.PROCESS;

  private static final Instant OCCURRED = Instant.parse("2026-03-01T11:59:58.654321Z");

  private WebhookInboxPort inbox;

  /** An inbox over {@link #webhookEvents()} that holds no notification, and no job. */
  protected abstract WebhookInboxPort emptyInbox();

  /** The repository the inbox stores in, to read what it stored. */
  protected abstract WebhookEventRepository webhookEvents();

  /** The unit of work reads run in. */
  protected abstract UnitOfWorkPort transactions();

  /**
   * The jobs of {@link #PROCESS} enqueued since {@link #emptyInbox()}, each as its payload's {@code
   * event} value, in any order.
   */
  protected abstract List<String> processingJobsEnqueued();

  @BeforeEach
  void startEmpty() {
    inbox = emptyInbox();
  }

  @Test
  void acceptsANewNotificationWithItsProcessingJob() {
    VerifiedNotification notification = notification("evt_1");

    assertThat(inbox.accept(notification, processing(notification))).isTrue();

    assertThat(stored("evt_1"))
        .extracting(StoredWebhookEvent::notification)
        .isEqualTo(notification);
    assertThat(processingJobsEnqueued()).containsExactly("stripe/evt_1");
  }

  @Test
  void aRedeliveryIsADuplicateAndGetsNoSecondJob() {
    VerifiedNotification notification = notification("evt_1");
    inbox.accept(notification, processing(notification));

    assertThat(inbox.accept(notification, processing(notification))).isFalse();

    assertThat(processingJobsEnqueued()).containsExactly("stripe/evt_1");
  }

  @Test
  void concurrentDeliveriesAreEachAcceptedOnceWithOneJob() throws Exception {
    List<Callable<Boolean>> deliveries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      VerifiedNotification notification = notification("evt_" + i % 4);
      deliveries.add(() -> inbox.accept(notification, processing(notification)));
    }

    List<Boolean> accepted = Race.of(deliveries);

    assertThat(accepted).filteredOn(Boolean::booleanValue).hasSize(4);
    assertThat(processingJobsEnqueued())
        .containsExactlyInAnyOrder("stripe/evt_0", "stripe/evt_1", "stripe/evt_2", "stripe/evt_3");
    for (int i = 0; i < 4; i++) {
      assertThat(stored("evt_" + i).isProcessed()).isFalse();
    }
  }

  private StoredWebhookEvent stored(String eventId) {
    return transactions()
        .readOnly(() -> webhookEvents().find(PaymentProvider.STRIPE, eventId))
        .orElseThrow();
  }

  private static VerifiedNotification notification(String eventId) {
    return new VerifiedNotification(
        PaymentProvider.STRIPE,
        eventId,
        "customer.subscription.updated",
        OCCURRED,
        "{\"id\": \"" + eventId + "\"}");
  }

  private static NewJob processing(VerifiedNotification notification) {
    return WebhookEventRepositoryContract.processing(notification);
  }
}
