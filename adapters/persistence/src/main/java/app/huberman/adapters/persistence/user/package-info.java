/**
 * Storage of accounts, their bearer tokens, their pending password resets and their devices.
 * Changes to one row go through the managed entity (so the version check of a user holds);
 * deletions of many rows are bulk statements, which the persistence context does not see: do not
 * read those rows again in the same transaction.
 */
package app.huberman.adapters.persistence.user;
