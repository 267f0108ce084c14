package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.job.InMemoryJobQueue;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.subscription.InMemoryWebhookEventRepository;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.domain.subscription.PaymentProvider;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the group-committing inbox answers its caller, without a database. */
class GroupCommitWebhookInboxTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();

  @Test
  void aBatchThatCannotReachTheDatabaseFailsItsCallerAsUnavailable() {
    DependencyUnavailableException down =
        new DependencyUnavailableException("database", new IllegalStateException("refused"));
    WebhookEventRepository unreachable =
        (WebhookEventRepository)
            Proxy.newProxyInstance(
                WebhookEventRepository.class.getClassLoader(),
                new Class<?>[] {WebhookEventRepository.class},
                (proxy, method, args) -> {
                  throw down;
                });
    GroupCommitWebhookInbox inbox = new GroupCommitWebhookInbox(unreachable, unitOfWork, clock);
    VerifiedNotification notification = notification("evt_1");

    assertThatThrownBy(
            () -> inbox.accept(notification, ProcessWebhookEventHandler.jobFor(notification)))
        .isSameAs(down);
  }

  @Test
  void storesWithTheClocksTimeAndAnswersADuplicateAsNotStored() {
    InMemoryWebhookEventRepository stored = new InMemoryWebhookEventRepository(jobs, jobs::holds);
    GroupCommitWebhookInbox inbox = new GroupCommitWebhookInbox(stored, unitOfWork, clock);
    VerifiedNotification notification = notification("evt_1");

    assertThat(inbox.accept(notification, ProcessWebhookEventHandler.jobFor(notification)))
        .isTrue();
    assertThat(inbox.accept(notification, ProcessWebhookEventHandler.jobFor(notification)))
        .isFalse();

    assertThat(stored.find(PaymentProvider.STRIPE, "evt_1").orElseThrow().receivedAt())
        .isEqualTo(NOW);
    assertThat(jobs.queued()).hasSize(1);
  }

  private static VerifiedNotification notification(String eventId) {
    return new VerifiedNotification(
        PaymentProvider.STRIPE, eventId, "customer.subscription.updated", NOW, "{}");
  }
}
