/**
 * The persistence unit without the application server, for the operator CLI: the same entities and
 * repositories on local transactions over a plain data source.
 */
package app.huberman.adapters.persistence.standalone;
