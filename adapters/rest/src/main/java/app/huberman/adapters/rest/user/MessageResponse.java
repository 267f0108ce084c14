package app.huberman.adapters.rest.user;

/** A sentence confirming what was done. */
public record MessageResponse(String message) {}
