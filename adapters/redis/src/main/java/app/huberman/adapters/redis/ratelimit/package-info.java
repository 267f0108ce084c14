/**
 * Rate limits: a sliding window per key in Redis, shared by all instances ({@link
 * app.huberman.adapters.redis.ratelimit.RedissonRateLimiter}), and the per-instance window it falls
 * back to while Redis is down ({@link app.huberman.adapters.redis.ratelimit.InMemoryRateLimiter}).
 * Both follow the semantics written on {@link
 * app.huberman.application.shared.port.out.RateLimiterPort}.
 */
package app.huberman.adapters.redis.ratelimit;
