/**
 * Outgoing email over SMTP through Jakarta Mail. Payara provides the implementation; this module
 * compiles against the API only.
 */
package app.huberman.adapters.mail;
