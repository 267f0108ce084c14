-- Issue 17, item 8: an active subscription whose renewal is never reported lapses by our clock
-- (renews_at plus SUBSCRIPTION_LAPSE_GRACE), and an hourly job asks the provider about renewals
-- that are overdue.

-- When the hourly re-check last picked the subscription: the re-check's own bookkeeping, not the
-- subscription's state (no domain rule reads it), so least recently asked come first.
ALTER TABLE subscriptions ADD COLUMN recheck_picked_at timestamptz;

-- Active subscriptions by renewal: findDueForExpiry reads those past renews_at plus the lapse grace,
-- pickOverdueForRecheck those past renews_at. Subscription#isDueForExpiry (ACTIVE) and
-- Subscription#isOverdueForRenewal; keep them in step.
CREATE INDEX subscriptions_active_renews_at_idx ON subscriptions (renews_at, id)
    WHERE status = 'active';
