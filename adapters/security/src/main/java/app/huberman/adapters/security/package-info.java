/**
 * Password security: Argon2id hashing through BouncyCastle, with its working memory kept between
 * computations, and the list of common passwords that are refused.
 */
package app.huberman.adapters.security;
