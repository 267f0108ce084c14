/**
 * Redis through Redisson. Every use must degrade safely when Redis is down: Redis holds caches and
 * rate-limit counters, never the only copy of anything.
 */
package app.huberman.adapters.redis;
