/** Typed configuration, read once from MicroProfile Config (environment variables first). */
package app.huberman.bootstrap.config;
