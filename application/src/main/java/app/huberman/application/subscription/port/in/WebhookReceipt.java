package app.huberman.application.subscription.port.in;

/** What became of a webhook that verified. */
public enum WebhookReceipt {
  /** Stored now, and its processing enqueued. */
  ACCEPTED,
  /** Stored before: nothing new stored, no second job. */
  DUPLICATE
}
