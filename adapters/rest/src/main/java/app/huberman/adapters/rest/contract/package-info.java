/**
 * The API contract, {@code META-INF/openapi.yaml}, served as it is written, and its browsable
 * reference (Swagger UI at {@code /api/docs}) when configuration allows it.
 */
package app.huberman.adapters.rest.contract;
