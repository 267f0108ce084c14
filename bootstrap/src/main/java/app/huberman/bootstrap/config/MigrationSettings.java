package app.huberman.bootstrap.config;

/**
 * Who brings the schema to this build's version.
 *
 * @param migrateOnStart {@code MIGRATE_ON_START}: the instance migrates while starting (one
 *     instance), or it leaves that to the operator CLI's {@code migrate} and waits until it is done
 *     (several)
 */
public record MigrationSettings(boolean migrateOnStart) {}
