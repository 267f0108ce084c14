/** Users: accounts, sign-in with bearer tokens, profile, password reset and account deletion. */
package app.huberman.application.user;
