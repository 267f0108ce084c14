package app.huberman.adapters.rest.contract;

/**
 * @param enabled {@code API_DOCS_ENABLED} (by default on unless {@code APP_ENV=production}):
 *     whether {@code /api/docs} serves Swagger UI; off, it is an unknown path (404)
 */
public record ApiDocsSettings(boolean enabled) {}
