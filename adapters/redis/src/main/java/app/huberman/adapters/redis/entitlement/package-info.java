/**
 * The entitlement cache in Redis ({@link
 * app.huberman.adapters.redis.entitlement.RedisEntitlementCache}): a JSON value per user with a
 * time to live, never authoritative, and out of the way when Redis is down or slow.
 */
package app.huberman.adapters.redis.entitlement;
