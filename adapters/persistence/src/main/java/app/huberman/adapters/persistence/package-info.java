/**
 * PostgreSQL through JPA (Hibernate 7) and Flyway. Entities and mappers stay in this module: the
 * rest of the application only sees domain objects through the outbound ports implemented here.
 */
package app.huberman.adapters.persistence;
