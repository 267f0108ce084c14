package app.huberman.bootstrap.wiring;

import app.huberman.adapters.redis.entitlement.RedisEntitlementCache;
import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.CountPremiumSubscriptionsUseCase;
import app.huberman.application.subscription.port.in.CountUnprocessedWebhooksUseCase;
import app.huberman.application.subscription.port.in.ListPlansUseCase;
import app.huberman.application.subscription.port.in.ReceiveWebhookUseCase;
import app.huberman.application.subscription.port.in.VerifyPurchaseUseCase;
import app.huberman.application.subscription.port.in.ViewSubscriptionUseCase;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import app.huberman.application.subscription.service.CountPremiumSubscriptionsService;
import app.huberman.application.subscription.service.CountUnprocessedWebhooksService;
import app.huberman.application.subscription.service.ExpireSubscriptionsHandler;
import app.huberman.application.subscription.service.ListPlansService;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.application.subscription.service.PruneWebhookEventsHandler;
import app.huberman.application.subscription.service.ReceiveWebhookService;
import app.huberman.application.subscription.service.RecentEntitlements;
import app.huberman.application.subscription.service.RecheckOverdueRenewalsHandler;
import app.huberman.application.subscription.service.RecheckSubscriptionHandler;
import app.huberman.application.subscription.service.ReconcileWebhookEventsHandler;
import app.huberman.application.subscription.service.SandboxPolicy;
import app.huberman.application.subscription.service.VerifyPurchaseService;
import app.huberman.application.subscription.service.ViewSubscriptionService;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.bootstrap.config.PaymentProviders;
import app.huberman.domain.subscription.LapsePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The subscriptions context's use cases and job handlers. */
@ApplicationScoped
public class SubscriptionWiring {

  @Produces
  @ApplicationScoped
  public ListPlansUseCase listPlans(PlanRepository plans, UnitOfWorkPort unitOfWork) {
    return new ListPlansService(plans, unitOfWork);
  }

  /** Redis behind a one-second memory of its answers (see {@link RecentEntitlements}). */
  @Produces
  @Singleton
  public EntitlementCachePort entitlementCache(RedisEntitlementCache redis, Clock clock) {
    return new RecentEntitlements(redis, clock);
  }

  @Produces
  @ApplicationScoped
  public ReceiveWebhookUseCase receiveWebhooks(
      PaymentProviders providers,
      WebhookInboxPort inbox,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return new ReceiveWebhookService(providers.all(), inbox, events, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public VerifyPurchaseUseCase verifyPurchases(
      PaymentProviders providers,
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      UserRepository users,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      RateLimiterPort rateLimiter,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse,
      SandboxPolicy sandbox) {
    return new VerifyPurchaseService(
        providers.all(),
        subscriptions,
        plans,
        users,
        cache,
        events,
        rateLimiter,
        unitOfWork,
        clock,
        lapse,
        sandbox);
  }

  @Produces
  @ApplicationScoped
  public ViewSubscriptionUseCase viewSubscriptions(
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      EntitlementCachePort cache,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse) {
    return new ViewSubscriptionService(subscriptions, plans, cache, unitOfWork, clock, lapse);
  }

  @Produces
  @ApplicationScoped
  public CountPremiumSubscriptionsUseCase countPremiumSubscriptions(
      SubscriptionRepository subscriptions,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse) {
    return new CountPremiumSubscriptionsService(subscriptions, unitOfWork, clock, lapse);
  }

  @Produces
  @Singleton
  public JobHandler processWebhookEvents(
      PaymentProviders providers,
      WebhookEventRepository webhookEvents,
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      UserRepository users,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse,
      SandboxPolicy sandbox) {
    return new ProcessWebhookEventHandler(
        providers.all(),
        webhookEvents,
        subscriptions,
        plans,
        users,
        cache,
        events,
        unitOfWork,
        clock,
        lapse,
        sandbox);
  }

  @Produces
  @Singleton
  public JobHandler expireSubscriptions(
      SubscriptionRepository subscriptions,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse) {
    return new ExpireSubscriptionsHandler(subscriptions, cache, events, unitOfWork, clock, lapse);
  }

  @Produces
  @Singleton
  public JobHandler recheckOverdueRenewals(
      PaymentProviders providers,
      SubscriptionRepository subscriptions,
      JobQueuePort queue,
      Clock clock) {
    return new RecheckOverdueRenewalsHandler(providers.rechecks(), subscriptions, queue, clock);
  }

  @Produces
  @Singleton
  public JobHandler recheckSubscription(
      PaymentProviders providers,
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      UserRepository users,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse) {
    return new RecheckSubscriptionHandler(
        providers.rechecks(), subscriptions, plans, users, cache, events, unitOfWork, clock, lapse);
  }

  @Produces
  @Singleton
  public JobHandler pruneWebhookEvents(WebhookEventRepository webhookEvents, Clock clock) {
    return new PruneWebhookEventsHandler(webhookEvents, clock);
  }

  @Produces
  @Singleton
  public JobHandler reconcileWebhookEvents(
      WebhookEventRepository webhookEvents,
      JobQueuePort jobs,
      FailedJobRepository failedJobs,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new ReconcileWebhookEventsHandler(
        webhookEvents, jobs, failedJobs, events, unitOfWork, clock);
  }

  @Produces
  @ApplicationScoped
  public CountUnprocessedWebhooksUseCase countUnprocessedWebhooks(
      WebhookEventRepository webhookEvents, UnitOfWorkPort unitOfWork, Clock clock) {
    return new CountUnprocessedWebhooksService(webhookEvents, unitOfWork, clock);
  }
}
