/**
 * Password security: Argon2id hashing through Password4j (configured in code, never through a
 * {@code psw4j.properties} file) and the list of common passwords that are refused.
 */
package app.huberman.adapters.security;
