package app.huberman.application.subscription.port.in;

import java.util.List;

/** For the gauges of stored webhooks not processed yet. */
public interface CountUnprocessedWebhooksUseCase {

  /** One entry per provider with unprocessed webhooks; a provider with none is left out. */
  List<UnprocessedWebhooks> unprocessedWebhooks();
}
