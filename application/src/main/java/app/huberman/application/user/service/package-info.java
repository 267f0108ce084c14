/** The users context's use cases, and the handlers of its email jobs. */
package app.huberman.application.user.service;
