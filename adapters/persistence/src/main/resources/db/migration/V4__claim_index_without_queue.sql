-- Workers claim with `queue = ANY (...) ORDER BY available_at, id LIMIT n`: an index that leads with
-- the queue cannot serve that order, so every claim sorted the whole backlog. Leading with
-- available_at lets the claim read the oldest runnable rows in order and filter the queue on the way.
DROP INDEX jobs_available_idx;
CREATE INDEX jobs_available_idx ON jobs (available_at, id) WHERE reserved_at IS NULL;
