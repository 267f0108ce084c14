/**
 * The REST adapter: JSON over HTTP under {@code /api}. Resources parse, call one use case and map
 * the result to a response record; exception mappers in {@code common} turn every failure into the
 * contract's JSON error.
 */
package app.huberman.adapters.rest;
