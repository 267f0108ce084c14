/**
 * The threads that hash and verify passwords, off the HTTP threads, with a bounded line in front of
 * them, and their lifecycle.
 */
package app.huberman.bootstrap.hashing;
