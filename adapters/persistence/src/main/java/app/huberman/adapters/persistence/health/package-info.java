/** Tells readiness whether PostgreSQL answers. */
package app.huberman.adapters.persistence.health;
