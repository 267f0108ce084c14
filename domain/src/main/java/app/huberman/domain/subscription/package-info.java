/**
 * Subscriptions: the plans a user can be on and, later, the subscription aggregate with its status
 * machine and the premium entitlement rule. Refers to users by id only.
 */
package app.huberman.domain.subscription;
