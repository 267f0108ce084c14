package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Processes one stored webhook, in the job's transaction: interprets it, applies the event to its
 * subscription under the subscription's lock, and marks it processed. Running it again does
 * nothing: a processed webhook is skipped, and the aggregate ignores an event id it applied.
 *
 * <p>A notification that cannot be interpreted is marked processed with the reason and never
 * retried; a provider that cannot be reached fails the job, which is retried with backoff.
 *
 * <p>One about a purchase that cost nothing (App Store sandbox, Play test purchase: marked so by
 * the event or by the subscription) whose account the {@link SandboxPolicy} does not admit is
 * acknowledged and ignored: marked processed with the reason, and nothing else created or changed.
 */
public final class ProcessWebhookEventHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.process-webhook");

  /** Providers retry for days, and their state is what subscribers paid for: keep trying. */
  static final int MAX_ATTEMPTS = 10;

  static final String OTHER_OWNER =
      "The account token names another account than the subscription's owner; the owner stays";

  static final String SANDBOX_IGNORED =
      "Ignored: a sandbox or test purchase, and the sandbox access rule does not admit its account";

  private static final int PAYLOAD_VERSION = 1;
  private static final String PROVIDER = "provider";
  private static final String EVENT_ID = "event_id";

  private final PaymentProviders providers;
  private final WebhookEventRepository webhookEvents;
  private final SubscriptionRepository subscriptions;
  private final AccountDirectoryPort accounts;
  private final ProviderEventApplier applier;
  private final SandboxPolicy sandbox;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public ProcessWebhookEventHandler(
      PaymentProviders providers,
      WebhookEventRepository webhookEvents,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      ProviderEventApplier applier,
      SandboxPolicy sandbox,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.webhookEvents = Objects.requireNonNull(webhookEvents, "webhookEvents");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.applier = Objects.requireNonNull(applier, "applier");
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The job that processes a notification just stored, to enqueue in the same transaction. */
  public static NewJob jobFor(VerifiedNotification notification) {
    return jobFor(notification.key());
  }

  /**
   * The job that processes the stored notification. Unique per notification, so the reconciler can
   * tell a notification whose job is queued or running from one whose job gave up.
   */
  public static NewJob jobFor(WebhookEventKey key) {
    return new NewJob(
        TYPE,
        JobPayload.of(
            PAYLOAD_VERSION, Map.of(PROVIDER, key.provider().key(), EVENT_ID, key.eventId())),
        JobOptions.defaults().withMaxAttempts(MAX_ATTEMPTS).uniqueBy(key.processingJobKey()));
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    PaymentProvider provider = providerOf(payload);
    String eventId = payload.require(EVENT_ID);
    StoredWebhookEvent stored =
        webhookEvents
            .find(provider, eventId)
            .orElseThrow(
                () ->
                    new PermanentJobFailure("No stored " + provider.key() + " webhook " + eventId));
    if (stored.isProcessed()) {
      return;
    }
    VerifiedNotification notification = stored.notification();
    // Outside the try: a provider switched off since is an operator's matter, so the job fails.
    PaymentProviderPort port = providers.of(provider);
    Instant now = clock.instant();
    Optional<ProviderEvent> event;
    try {
      event = port.interpret(notification);
    } catch (InvalidNotificationException e) {
      webhookEvents.markProcessed(provider, eventId, now, Optional.of(e.getMessage()));
      AfterCommit.run(
          unitOfWork, "report a webhook", () -> events.webhookRejected(provider, e.getMessage()));
      return;
    }
    EventOutcome.Result result = EventOutcome.Result.NO_OBSERVATION;
    Optional<String> note = Optional.empty();
    if (event.isPresent()) {
      Optional<UserId> tokenOwner = event.get().accountToken().flatMap(accounts::idOf);
      Optional<Subscription> admitted = lockIfAdmitted(event.get(), tokenOwner, now);
      if (admitted.isEmpty()) {
        webhookEvents.markProcessed(provider, eventId, now, Optional.of(SANDBOX_IGNORED));
        AfterCommit.run(
            unitOfWork,
            "report a webhook",
            () -> events.sandboxWebhookIgnored(provider, notification.type(), eventId));
        return;
      }
      Subscription subscription = admitted.get();
      if (tokenOwner.isPresent() && subscription.isOwnedByAnotherThan(tokenOwner.get())) {
        note = Optional.of(OTHER_OWNER);
      }
      result = applier.apply(subscription, event.get(), tokenOwner, now).result();
    }
    webhookEvents.markProcessed(provider, eventId, now, note);
    EventOutcome.Result reported = result;
    AfterCommit.run(
        unitOfWork,
        "report a webhook",
        () -> events.webhookProcessed(provider, notification.type(), eventId, reported));
  }

  /**
   * Locks the event's subscription, unless it is a sandbox purchase the policy does not admit for
   * its account: the subscription's owner, else the one the event's account token names. A paid
   * event starts the subscription as always; a sandbox one starts it only once admitted, so an
   * ignored event leaves no row behind.
   */
  private Optional<Subscription> lockIfAdmitted(
      ProviderEvent event, Optional<UserId> tokenOwner, Instant now) {
    PaymentProvider provider = event.subscription().provider();
    if (!event.isSandbox()) {
      Subscription subscription = subscriptions.lockOrStart(event.subscription(), now);
      return admits(provider, subscription, tokenOwner)
          ? Optional.of(subscription)
          : Optional.empty();
    }
    if (sandbox.refusesEverySandboxPurchase(provider)) {
      return Optional.empty();
    }
    Optional<Subscription> existing = subscriptions.lockExisting(event.subscription());
    Optional<Email> account = accountOf(existing, tokenOwner);
    if (!sandbox.admits(provider, Environment.SANDBOX, account)) {
      return Optional.empty();
    }
    return Optional.of(
        existing.orElseGet(() -> subscriptions.lockOrStart(event.subscription(), now)));
  }

  /** A paid-looking event about a subscription already marked sandbox (a Play voided purchase). */
  private boolean admits(
      PaymentProvider provider, Subscription subscription, Optional<UserId> tokenOwner) {
    return sandbox.admits(
        provider, subscription.environment(), accountOf(Optional.of(subscription), tokenOwner));
  }

  /** The owner stays, so the owner is whom a sandbox purchase would serve. */
  private Optional<Email> accountOf(
      Optional<Subscription> subscription, Optional<UserId> tokenOwner) {
    return subscription
        .flatMap(Subscription::owner)
        .flatMap(accounts::emailOf)
        .or(() -> tokenOwner.flatMap(accounts::emailOf));
  }

  private static PaymentProvider providerOf(JobPayload payload) {
    String key = payload.require(PROVIDER);
    try {
      return PaymentProvider.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new PermanentJobFailure("Unknown provider '" + key + "'", e);
    }
  }
}
