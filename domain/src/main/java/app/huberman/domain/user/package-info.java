/**
 * Users: accounts, their credentials' rules, their access tokens and their devices (push tokens).
 * Refers to other contexts by id only; never reads the clock (every change takes the time it
 * happens).
 */
package app.huberman.domain.user;
