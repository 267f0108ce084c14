/** Accounts over HTTP: sign-up, sign-in, tokens, the profile, password reset, devices. */
package app.huberman.adapters.rest.user;
