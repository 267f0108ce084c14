package app.huberman.adapters.rest.user;

/** A user and a new bearer token. */
public record AuthResponse(UserResponse user, String token) {}
