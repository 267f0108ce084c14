/** What operators see of accounts and sign-ins: log events and counters, with no personal data. */
package app.huberman.adapters.monitoring.users;
