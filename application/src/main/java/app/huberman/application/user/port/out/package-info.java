/** What the users context needs from the outside world. */
package app.huberman.application.user.port.out;
