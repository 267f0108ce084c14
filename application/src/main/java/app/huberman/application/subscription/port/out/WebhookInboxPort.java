package app.huberman.application.subscription.port.out;

import app.huberman.application.job.port.out.NewJob;

/**
 * Where a verified notification is accepted: stored with the job that processes it, atomically and
 * durably, so that the provider can be answered. How the store gets there (one notification at a
 * time, or many callers' notifications together) is the implementation's business.
 */
public interface WebhookInboxPort {

  /**
   * Stores the notification and enqueues {@code processingJob}, atomically, unless a notification
   * with the same provider and event id is stored already: then it stores and enqueues nothing.
   * Returns once both are durable. It is called outside any unit of work and commits by itself.
   * Concurrent calls with the same key store it once.
   *
   * @return whether this call stored it (false: a duplicate)
   * @throws app.huberman.application.shared.DependencyUnavailableException when the store cannot be
   *     reached, or did not confirm in time (the notification may still have been stored)
   */
  boolean accept(VerifiedNotification notification, NewJob processingJob);
}
