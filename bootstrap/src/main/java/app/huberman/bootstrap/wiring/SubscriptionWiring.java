package app.huberman.bootstrap.wiring;

import app.huberman.adapters.payments.stripe.StripeBilling;
import app.huberman.adapters.redis.entitlement.RedisEntitlementCache;
import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.port.out.DegradationEventsPort;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.ChangeNoticePreferencesUseCase;
import app.huberman.application.subscription.port.in.CountPremiumSubscriptionsUseCase;
import app.huberman.application.subscription.port.in.CountUnprocessedWebhooksUseCase;
import app.huberman.application.subscription.port.in.ListPlansUseCase;
import app.huberman.application.subscription.port.in.OpenBillingPortalUseCase;
import app.huberman.application.subscription.port.in.ReceiveWebhookUseCase;
import app.huberman.application.subscription.port.in.StartCheckoutUseCase;
import app.huberman.application.subscription.port.in.VerifyPurchaseUseCase;
import app.huberman.application.subscription.port.in.ViewNoticePreferencesUseCase;
import app.huberman.application.subscription.port.in.ViewSubscriptionUseCase;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.application.subscription.port.out.NoticeMailerPort;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.PushDevicesPort;
import app.huberman.application.subscription.port.out.PushSenderPort;
import app.huberman.application.subscription.port.out.StripeCustomerRepository;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import app.huberman.application.subscription.service.ChangeNoticePreferencesService;
import app.huberman.application.subscription.service.CountPremiumSubscriptionsService;
import app.huberman.application.subscription.service.CountUnprocessedWebhooksService;
import app.huberman.application.subscription.service.ExpireSubscriptionsHandler;
import app.huberman.application.subscription.service.ListPlansService;
import app.huberman.application.subscription.service.ManageLinks;
import app.huberman.application.subscription.service.NoticeRecorder;
import app.huberman.application.subscription.service.OpenBillingPortalService;
import app.huberman.application.subscription.service.PaymentProviders;
import app.huberman.application.subscription.service.PlanCatalogue;
import app.huberman.application.subscription.service.PlansRefresh;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.application.subscription.service.ProviderEventApplier;
import app.huberman.application.subscription.service.PruneWebhookEventsHandler;
import app.huberman.application.subscription.service.PushNoticeHandler;
import app.huberman.application.subscription.service.ReceiveWebhookService;
import app.huberman.application.subscription.service.RecentEntitlements;
import app.huberman.application.subscription.service.RecheckOverdueRenewalsHandler;
import app.huberman.application.subscription.service.RecheckSubscriptionHandler;
import app.huberman.application.subscription.service.ReconcileWebhookEventsHandler;
import app.huberman.application.subscription.service.RemindEndingSubscriptionsHandler;
import app.huberman.application.subscription.service.SandboxPolicy;
import app.huberman.application.subscription.service.SendNoticeHandler;
import app.huberman.application.subscription.service.StartCheckoutService;
import app.huberman.application.subscription.service.StripeCustomers;
import app.huberman.application.subscription.service.VerifyPurchaseService;
import app.huberman.application.subscription.service.ViewNoticePreferencesService;
import app.huberman.application.subscription.service.ViewSubscriptionService;
import app.huberman.bootstrap.config.ConfiguredProviders;
import app.huberman.domain.subscription.LapsePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The subscriptions context's use cases and job handlers, and the collaborators several of them
 * share (provider ports by provider, plan catalogue, event applier), each built once here. Those
 * are final classes, which a normal scope could not proxy: {@code Singleton}.
 */
@ApplicationScoped
public class SubscriptionWiring {

  /** The plan catalogue in memory, read again at most every {@code PLANS_REFRESH}. */
  @Produces
  @ApplicationScoped
  public ListPlansUseCase listPlans(
      PlanRepository plans,
      UnitOfWorkPort unitOfWork,
      DegradationEventsPort degradation,
      Clock clock,
      PlansRefresh refresh) {
    return new ListPlansService(plans, unitOfWork, degradation, clock, refresh);
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
    return new ReceiveWebhookService(providers, inbox, events, unitOfWork);
  }

  /** The ports of the payment providers switched on, by provider. */
  @Produces
  @Singleton
  public PaymentProviders paymentProviderPorts(ConfiguredProviders configured) {
    return new PaymentProviders(configured.all());
  }

  @Produces
  @Singleton
  public PlanCatalogue planCatalogue(PlanRepository plans, LapsePolicy lapse) {
    return new PlanCatalogue(plans, lapse);
  }

  @Produces
  @Singleton
  public ProviderEventApplier providerEventApplier(
      SubscriptionRepository subscriptions,
      PlanCatalogue catalogue,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      NoticeRecorder notices) {
    return new ProviderEventApplier(subscriptions, catalogue, cache, events, unitOfWork, notices);
  }

  @Produces
  @ApplicationScoped
  public VerifyPurchaseUseCase verifyPurchases(
      PaymentProviders providers,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      ProviderEventApplier applier,
      PlanCatalogue catalogue,
      SandboxPolicy sandbox,
      RateLimiterPort rateLimiter,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new VerifyPurchaseService(
        providers,
        subscriptions,
        accounts,
        applier,
        catalogue,
        sandbox,
        rateLimiter,
        events,
        unitOfWork,
        clock);
  }

  /** The Stripe customer of each account that buys on the web, for checkout and the portal. */
  @Produces
  @Singleton
  public StripeCustomers stripeCustomers(
      StripeBilling stripe,
      StripeCustomerRepository customers,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return new StripeCustomers(stripe, customers, events, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public StartCheckoutUseCase startCheckout(
      StripeBilling stripe,
      StripeCustomers customers,
      AccountDirectoryPort accounts,
      PlanRepository plans,
      SubscriptionRepository subscriptions,
      PlanCatalogue catalogue,
      RateLimiterPort rateLimiter,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new StartCheckoutService(
        stripe,
        customers,
        accounts,
        plans,
        subscriptions,
        catalogue,
        rateLimiter,
        events,
        unitOfWork,
        clock);
  }

  @Produces
  @ApplicationScoped
  public OpenBillingPortalUseCase openBillingPortal(
      StripeBilling stripe,
      StripeCustomers customers,
      RateLimiterPort rateLimiter,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return new OpenBillingPortalService(stripe, customers, rateLimiter, events, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public ViewNoticePreferencesUseCase viewNoticePreferences(
      NoticePreferencesRepository preferences, UnitOfWorkPort unitOfWork) {
    return new ViewNoticePreferencesService(preferences, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public ChangeNoticePreferencesUseCase changeNoticePreferences(
      NoticePreferencesRepository preferences, UnitOfWorkPort unitOfWork) {
    return new ChangeNoticePreferencesService(preferences, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public ViewSubscriptionUseCase viewSubscriptions(
      SubscriptionRepository subscriptions,
      PlanCatalogue catalogue,
      EntitlementCachePort cache,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new ViewSubscriptionService(subscriptions, catalogue, cache, unitOfWork, clock);
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
      AccountDirectoryPort accounts,
      ProviderEventApplier applier,
      SandboxPolicy sandbox,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new ProcessWebhookEventHandler(
        providers,
        webhookEvents,
        subscriptions,
        accounts,
        applier,
        sandbox,
        events,
        unitOfWork,
        clock);
  }

  @Produces
  @Singleton
  public JobHandler expireSubscriptions(
      SubscriptionRepository subscriptions,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse,
      NoticeRecorder notices) {
    return new ExpireSubscriptionsHandler(
        subscriptions, cache, events, unitOfWork, clock, lapse, notices);
  }

  @Produces
  @Singleton
  public JobHandler recheckOverdueRenewals(
      ConfiguredProviders providers,
      SubscriptionRepository subscriptions,
      JobQueuePort queue,
      Clock clock) {
    return new RecheckOverdueRenewalsHandler(providers.rechecks(), subscriptions, queue, clock);
  }

  @Produces
  @Singleton
  public JobHandler recheckSubscription(
      ConfiguredProviders providers,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      ProviderEventApplier applier,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new RecheckSubscriptionHandler(
        providers.rechecks(), subscriptions, accounts, applier, events, unitOfWork, clock);
  }

  /** Records the notices status changes and the reminder run call for, and queues them. */
  @Produces
  @Singleton
  public NoticeRecorder noticeRecorder(
      SubscriptionNoticeRepository notices,
      JobQueuePort jobs,
      PushDevicesPort devices,
      PushSenderPort push) {
    return new NoticeRecorder(notices, jobs, devices, push);
  }

  @Produces
  @Singleton
  public JobHandler pushNotices(
      SubscriptionNoticeRepository notices,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      NoticePreferencesRepository preferences,
      PushDevicesPort devices,
      PushSenderPort push,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return new PushNoticeHandler(
        notices, subscriptions, accounts, preferences, devices, push, events, unitOfWork);
  }

  @Produces
  @Singleton
  public JobHandler sendNotices(
      SubscriptionNoticeRepository notices,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      NoticePreferencesRepository preferences,
      NoticeMailerPort mailer,
      PlanRepository plans,
      ManageLinks links,
      StripeCustomerRepository stripeCustomers,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return new SendNoticeHandler(
        notices,
        subscriptions,
        accounts,
        preferences,
        mailer,
        plans,
        links,
        stripeCustomers,
        events,
        unitOfWork);
  }

  @Produces
  @Singleton
  public JobHandler remindEndingSubscriptions(
      SubscriptionRepository subscriptions, NoticeRecorder notices, Clock clock) {
    return new RemindEndingSubscriptionsHandler(subscriptions, notices, clock);
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
