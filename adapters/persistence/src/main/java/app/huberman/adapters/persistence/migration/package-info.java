/** Brings the database to the schema this build expects: creates it if missing, then Flyway. */
package app.huberman.adapters.persistence.migration;
