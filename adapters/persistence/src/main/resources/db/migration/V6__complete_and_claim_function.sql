-- A worker's one statement per batch: delete the jobs it finished (fenced by id, holder and
-- attempt, as every change to a reserved job is) and claim the next ones. The first column of a
-- row tells a deleted id (true) from a claimed job (false).
--
-- It is a function for its settings (docs/adr/0005-claims-commit-asynchronously.md):
-- * A forced generic plan. Bound from JDBC, the parameters (arrays of unknown length) made the plan
--   cache judge a generic plan dearer than a custom one, so PostgreSQL planned the statement afresh
--   on every claim, which took longer than running it. PL/pgSQL now keeps one plan per connection.
-- * No sequential or bitmap scans, hash or merge joins, or sorts. A generic plan cannot know the
--   limit is small (it assumes a tenth of the table), and with them it hashed the whole table.
--   The plan wanted is the same for any batch: the runnable rows read in index order, joined by
--   primary key.
-- * An asynchronous commit, when the statement is its own transaction (commits_alone: autocommit,
--   which is how workers call it; inside a caller's transaction it changes nothing). Should
--   PostgreSQL crash and forget the last claims or deletions, their jobs run again; none is lost.
--   Enqueues, retries, burials and completions that commit with a handler's work still wait.
--
-- The order matters. UNION ALL reads its branches in turn, and a data-modifying CTE runs as its
-- rows are read, so the deletion finishes before the claim locks anything. The other way round
-- could deadlock: a claim whose snapshot still sees another worker's freshly claimed row as free
-- locks it with FOR UPDATE (and keeps the lock although the row no longer qualifies), while that
-- worker's deletion waits for it, and vice versa. Deleting first, a statement waits only while it
-- deletes, and only for statements past their deletion, which wait for nothing (SKIP LOCKED).
CREATE FUNCTION complete_and_claim_jobs(
    finished_ids      bigint[],
    finished_holders  varchar[],
    finished_attempts integer[],
    queues            varchar[],
    holder            varchar,
    batch_size        integer,
    commits_alone     boolean)
RETURNS TABLE (
    completed       boolean,
    id              bigint,
    uuid            uuid,
    queue           varchar,
    type            varchar,
    payload         text,
    attempts        integer,
    max_attempts    integer,
    timeout_seconds integer,
    waited_ms       bigint)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off
SET enable_bitmapscan = off
SET enable_hashjoin = off
SET enable_mergejoin = off
SET enable_sort = off
AS $$
#variable_conflict use_column
BEGIN
    IF commits_alone THEN
        PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
    RETURN QUERY
    WITH completed AS (
        DELETE FROM jobs j
        USING unnest(finished_ids, finished_holders, finished_attempts) AS f(id, reserved_by, attempts)
        WHERE j.id = f.id AND j.reserved_by = f.reserved_by AND j.attempts = f.attempts
        RETURNING j.id),
    next AS (
        SELECT j.id FROM jobs j
        WHERE j.reserved_at IS NULL AND j.available_at <= now() AND j.queue = ANY (queues)
        ORDER BY j.available_at, j.id
        LIMIT batch_size
        FOR UPDATE SKIP LOCKED),
    claimed AS (
        UPDATE jobs j
        SET reserved_at = now(), reserved_by = holder, attempts = j.attempts + 1,
            reserved_until = now() + make_interval(secs => j.visibility_seconds)
        FROM next WHERE j.id = next.id
        RETURNING j.id, j.uuid, j.queue, j.type, j.payload::text, j.attempts, j.max_attempts,
                  j.timeout_seconds,
                  (extract(epoch FROM now() - j.available_at) * 1000)::bigint AS waited_ms)
    SELECT true, c.id, NULL::uuid, NULL::varchar, NULL::varchar, NULL::text, NULL::integer,
           NULL::integer, NULL::integer, NULL::bigint
    FROM completed c
    UNION ALL
    SELECT false, c.id, c.uuid, c.queue, c.type, c.payload, c.attempts, c.max_attempts,
           c.timeout_seconds, c.waited_ms
    FROM claimed c;
END
$$;
