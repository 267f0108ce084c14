-- Subscriptions: one row per purchase at one provider, holding the state the provider last reported
-- (newest event wins, by last_event_at then last_event_id). Written by JdbcSubscriptionRepository.
CREATE TABLE subscriptions (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- SET NULL, not CASCADE: deleting an account deletes the person, not the purchase. The row holds
    -- no personal data once unlinked, it is the record of a payment (refunds, disputes, accounting),
    -- and the provider keeps sending notifications for it: with the row gone, the next one would
    -- start a new, ownerless row that has forgotten which event was newest.
    user_id                  bigint       REFERENCES users (id) ON DELETE SET NULL,
    -- Plans are retired (is_active = false), never deleted, so a plain reference is enough.
    plan_id                  bigint       REFERENCES plans (id),
    provider                 varchar(16)  NOT NULL,
    -- Stripe subscription id, App Store original transaction id, Google Play purchase token.
    provider_subscription_id varchar(512) NOT NULL,
    status                   varchar(16)  NOT NULL,
    trial_ends_at            timestamptz,
    renews_at                timestamptz,
    ends_at                  timestamptz,
    grace_ends_at            timestamptz,
    canceled_at              timestamptz,
    -- Provider time and id of the newest event applied.
    last_event_at            timestamptz,
    last_event_id            varchar(255),
    -- Provider time and id of the newest event that named a known product (the plan's own clock).
    plan_observed_at         timestamptz,
    plan_observed_event_id   varchar(255),
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    CONSTRAINT subscriptions_provider_ref_key UNIQUE (provider, provider_subscription_id),
    CONSTRAINT subscriptions_provider_check CHECK (provider IN ('stripe', 'apple', 'google')),
    CONSTRAINT subscriptions_status_check CHECK (
        status IN ('incomplete', 'trialing', 'active', 'past_due', 'canceled', 'expired')),
    CONSTRAINT subscriptions_last_event_check CHECK ((last_event_at IS NULL) = (last_event_id IS NULL)),
    CONSTRAINT subscriptions_plan_observed_check CHECK (
        (plan_observed_at IS NULL) = (plan_observed_event_id IS NULL))
);

CREATE INDEX subscriptions_user_id_idx ON subscriptions (user_id, created_at);

-- When each subscription that can run out by our clock is due to expire; findDueForExpiry repeats
-- this expression to the letter so that PostgreSQL uses the index. It is Subscription#isDueForExpiry:
-- canceled without an end and past due without a grace end are due at once (-infinity), trialing
-- without a trial end never (NULL). Keep the three in step.
CREATE INDEX subscriptions_due_for_expiry_idx ON subscriptions (
    (CASE status
         WHEN 'canceled' THEN coalesce(ends_at, '-infinity')
         WHEN 'past_due' THEN coalesce(grace_ends_at, '-infinity')
         WHEN 'trialing' THEN trial_ends_at
     END), id)
    WHERE status IN ('canceled', 'past_due', 'trialing');

-- Until when each subscription grants access; countGrantingPremiumAccess repeats this expression to
-- the letter. It is Subscription#grantsAccessAt: active always (infinity), trialing without a trial
-- end too, past due and canceled only with a grace end or end in the future.
CREATE INDEX subscriptions_access_until_idx ON subscriptions (
    (CASE status
         WHEN 'active' THEN 'infinity'
         WHEN 'trialing' THEN coalesce(trial_ends_at, 'infinity')
         WHEN 'past_due' THEN grace_ends_at
         WHEN 'canceled' THEN ends_at
     END), plan_id)
    WHERE status IN ('active', 'trialing', 'past_due', 'canceled');

-- The durable inbox of verified provider notifications: a webhook is answered 200 once its row is
-- committed, and a job applies it later. Duplicates meet on (provider, event_id).
CREATE TABLE webhook_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider     varchar(16)  NOT NULL,
    event_id     varchar(255) NOT NULL,
    type         varchar(255) NOT NULL,
    -- The verified content, never a signature; jsonb normalises whitespace and key order.
    payload      jsonb        NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    received_at  timestamptz  NOT NULL,
    processed_at timestamptz,
    attempts     integer      NOT NULL DEFAULT 0,
    -- Why a notification could never be applied; no payload data in it.
    last_error   text,
    CONSTRAINT webhook_events_provider_event_key UNIQUE (provider, event_id),
    CONSTRAINT webhook_events_provider_check CHECK (provider IN ('stripe', 'apple', 'google')),
    CONSTRAINT webhook_events_attempts_check CHECK (attempts >= 0)
);

-- The daily prune deletes processed events by age, oldest first, in bounded batches.
CREATE INDEX webhook_events_processed_received_at_idx ON webhook_events (received_at)
    WHERE processed_at IS NOT NULL;
