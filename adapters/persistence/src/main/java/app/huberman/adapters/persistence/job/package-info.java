/**
 * The job queue on PostgreSQL, in plain JDBC on the application's (JTA) data source, so that every
 * statement joins the caller's transaction. Claims use {@code FOR UPDATE SKIP LOCKED}; all times
 * come from the database clock ({@code now()}); enqueues wake idle workers with {@code NOTIFY}.
 */
package app.huberman.adapters.persistence.job;
