-- The durable job queue. A job row exists from the commit that enqueued it until it succeeds
-- (deleted) or gives up (moved to failed_jobs); a reserved row belongs to one worker until
-- reserved_until, after which another instance rescues it.
CREATE TABLE jobs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid               uuid         NOT NULL,
    queue              varchar(64)  NOT NULL,
    type               varchar(128) NOT NULL,
    payload            jsonb        NOT NULL,
    attempts           integer      NOT NULL DEFAULT 0,
    max_attempts       integer      NOT NULL,
    unique_key         varchar(255),
    timeout_seconds    integer      NOT NULL,
    visibility_seconds integer      NOT NULL,
    available_at       timestamptz  NOT NULL DEFAULT now(),
    reserved_at        timestamptz,
    reserved_by        varchar(128),
    reserved_until     timestamptz,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT jobs_uuid_key UNIQUE (uuid),
    CONSTRAINT jobs_attempts_check CHECK (attempts >= 0 AND max_attempts >= 1),
    CONSTRAINT jobs_timeouts_check CHECK (timeout_seconds >= 1 AND visibility_seconds > timeout_seconds),
    CONSTRAINT jobs_reservation_check CHECK (
        (reserved_at IS NULL) = (reserved_by IS NULL) AND (reserved_at IS NULL) = (reserved_until IS NULL))
);

-- At most one job per unique key while it is queued or running; the row itself is the lock, so it
-- cannot leak: it goes when the job succeeds or fails.
CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX jobs_available_idx ON jobs (queue, available_at, id) WHERE reserved_at IS NULL;
CREATE INDEX jobs_reserved_until_idx ON jobs (reserved_until) WHERE reserved_at IS NOT NULL;

CREATE TABLE failed_jobs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid               uuid         NOT NULL,
    queue              varchar(64)  NOT NULL,
    type               varchar(128) NOT NULL,
    payload            jsonb        NOT NULL,
    attempts           integer      NOT NULL,
    max_attempts       integer      NOT NULL,
    unique_key         varchar(255),
    timeout_seconds    integer      NOT NULL,
    visibility_seconds integer      NOT NULL,
    exception          text         NOT NULL,
    failed_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT failed_jobs_uuid_key UNIQUE (uuid)
);
CREATE INDEX failed_jobs_failed_at_idx ON failed_jobs (failed_at);

-- Which tick of which scheduled task already ran: one row per tick, claimed by one instance.
CREATE TABLE scheduler_ticks (
    task       varchar(100) NOT NULL,
    tick       timestamptz  NOT NULL,
    claimed_by varchar(128) NOT NULL,
    claimed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (task, tick)
);
