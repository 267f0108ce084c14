-- The reconciler of unprocessed webhook events (issue 17, item 9). A webhook is answered 200 once
-- stored, so the provider never sends it again: if its processing job gives up (buried in
-- failed_jobs), nothing else would ever apply it. Every 5 minutes the reconciler enqueues the
-- processing again for each unprocessed event that has no processing job queued or running, with a
-- per-event backoff kept here. Written by JdbcWebhookEventRepository.

-- A processing job is unique per event: its key is 'webhook:' || provider || ':' || event_id
-- (WebhookEventKey#processingJobKey; lockStalled repeats it to the letter). An event id may have
-- 255 characters, so the key needs more room. Widening a varchar rewrites neither the table nor
-- the index.
ALTER TABLE jobs ALTER COLUMN unique_key TYPE varchar(512);
ALTER TABLE failed_jobs ALTER COLUMN unique_key TYPE varchar(512);

-- How often the reconciler enqueued the event's processing again, and when it may next.
ALTER TABLE webhook_events
    ADD COLUMN reconciliations   integer NOT NULL DEFAULT 0,
    ADD COLUMN next_reconcile_at timestamptz,
    ADD CONSTRAINT webhook_events_reconciliations_check CHECK (reconciliations >= 0);

-- Unprocessed events, oldest first: the reconciler's search and the gauges of unprocessed events.
-- Small: an event leaves it once processed.
CREATE INDEX webhook_events_unprocessed_idx ON webhook_events (received_at)
    WHERE processed_at IS NULL;

-- Jobs enqueued before this migration have no key: give them theirs, so the reconciler sees them.
-- A failed one gets it too, so the reconciler puts it back rather than adding another.
UPDATE failed_jobs
   SET unique_key = 'webhook:' || (payload #>> '{data,provider}') || ':' || (payload #>> '{data,event_id}')
 WHERE type = 'subscriptions.process-webhook'
   AND unique_key IS NULL
   AND payload #>> '{data,provider}' IS NOT NULL
   AND payload #>> '{data,event_id}' IS NOT NULL;

-- One job per event has been the rule all along; should two exist, the older keeps the key.
UPDATE jobs
   SET unique_key = keyed.key
  FROM (SELECT DISTINCT ON (key) id, key
          FROM (SELECT id,
                       'webhook:' || (payload #>> '{data,provider}') || ':'
                           || (payload #>> '{data,event_id}') AS key
                  FROM jobs
                 WHERE type = 'subscriptions.process-webhook'
                   AND unique_key IS NULL
                   AND payload #>> '{data,provider}' IS NOT NULL
                   AND payload #>> '{data,event_id}' IS NOT NULL) AS candidates
         ORDER BY key, id) AS keyed
 WHERE jobs.id = keyed.id
   AND NOT EXISTS (SELECT 1 FROM jobs taken WHERE taken.unique_key = keyed.key);
