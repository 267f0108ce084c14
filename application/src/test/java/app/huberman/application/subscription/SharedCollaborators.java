package app.huberman.application.subscription;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.application.subscription.service.NoticeRecorder;
import app.huberman.application.subscription.service.PlanCatalogue;
import app.huberman.application.subscription.service.ProviderEventApplier;
import app.huberman.domain.subscription.LapsePolicy;

/**
 * The collaborators the composition root builds once and several subscription services share, built
 * the same way over a test's fakes, with the default lapse grace.
 */
record SharedCollaborators(
    PlanCatalogue catalogue, ProviderEventApplier applier, NoticeRecorder notices) {

  /** With notices recorded in fakes of their own, which these tests do not look at. */
  static SharedCollaborators over(
      PlanRepository plans,
      SubscriptionRepository subscriptions,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return over(
        plans,
        subscriptions,
        cache,
        events,
        unitOfWork,
        new NoticeRecorder(
            new InMemorySubscriptionNotices(),
            new RecordingJobQueue(),
            new InMemoryPushDevices(),
            new FakePushSender()));
  }

  static SharedCollaborators over(
      PlanRepository plans,
      SubscriptionRepository subscriptions,
      EntitlementCachePort cache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      NoticeRecorder notices) {
    PlanCatalogue catalogue = new PlanCatalogue(plans, LapsePolicy.defaults());
    return new SharedCollaborators(
        catalogue,
        new ProviderEventApplier(subscriptions, catalogue, cache, events, unitOfWork, notices),
        notices);
  }
}
