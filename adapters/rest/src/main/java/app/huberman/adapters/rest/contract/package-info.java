/** The API contract, {@code META-INF/openapi.yaml}, served as it is written. */
package app.huberman.adapters.rest.contract;
