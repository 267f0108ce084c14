package app.huberman.adapters.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user:revoke-admin}: takes the admin role from an account. */
@Command(
    name = "user:revoke-admin",
    mixinStandardHelpOptions = true,
    description =
        "Takes the admin role from the account with this email (in any case). The account must"
            + " exist; revoking it from a plain user changes nothing. Logged as admin.revoked.")
final class RevokeAdminCommand implements Callable<Integer> {

  private final CliUseCases useCases;
  private final PrintWriter out;

  @Parameters(paramLabel = "<email>", description = "The account's email address.")
  private String email;

  RevokeAdminCommand(CliUseCases useCases, PrintWriter out) {
    this.useCases = useCases;
    this.out = out;
  }

  @Override
  public Integer call() {
    if (!useCases.revokeAdmin().revokeAdmin(email)) {
      throw new CliFailure("No account has the email " + email);
    }
    out.println(email + " is no longer an admin.");
    return OperatorCli.OK;
  }
}
