/** What clients and operators can ask of the users context. */
package app.huberman.application.user.port.in;
