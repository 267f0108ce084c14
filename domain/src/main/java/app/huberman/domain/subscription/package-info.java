/**
 * Subscriptions: the plans a user can be on, the subscription aggregate that takes verified
 * provider events in any order and converges (see ADR 0003), and the premium entitlement rule.
 * Refers to users by id only.
 */
package app.huberman.domain.subscription;
