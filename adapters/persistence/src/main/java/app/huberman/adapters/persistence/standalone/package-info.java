/**
 * Persistence without the application server, for the operator CLI: the same entities and
 * repositories on local transactions over a plain data source ({@code StandalonePersistence}), and
 * the JDBC adapters' unit of work on one plain connection ({@code JdbcUnitOfWork}).
 */
package app.huberman.adapters.persistence.standalone;
