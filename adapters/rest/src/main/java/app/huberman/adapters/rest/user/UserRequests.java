package app.huberman.adapters.rest.user;

/** The bodies the users endpoints accept (snake_case keys in JSON). */
final class UserRequests {

  private UserRequests() {}

  /** {@code POST /api/v1/register}. */
  public record RegisterRequest(
      String name, String email, String password, String passwordConfirmation) {}

  /** {@code POST /api/v1/login}. */
  public record LoginRequest(String email, String password) {}

  /** {@code POST /api/v1/forgot-password}. */
  public record ForgotPasswordRequest(String email) {}

  /** {@code POST /api/v1/reset-password}. */
  public record ResetPasswordRequest(
      String token, String email, String password, String passwordConfirmation) {}

  /** {@code PUT /api/v1/user/profile}; {@code current_password} only to change the email. */
  public record UpdateProfileRequest(String name, String email, String currentPassword) {}

  /** {@code DELETE /api/v1/user}. */
  public record DeleteAccountRequest(String password) {}

  /** {@code POST /api/v1/user/devices}; {@code name} is optional. */
  public record RegisterDeviceRequest(String token, String platform, String name) {

    @Override
    public String toString() {
      return "RegisterDeviceRequest[token=redacted]";
    }
  }
}
