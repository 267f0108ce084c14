package app.huberman.adapters.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user:make-admin}: gives an existing account the admin role. */
@Command(
    name = "user:make-admin",
    mixinStandardHelpOptions = true,
    description =
        "Gives the account with this email (in any case) the admin role, the only way to get it."
            + " The account must exist; promoting an admin again changes nothing. Logged as"
            + " admin.granted.")
final class MakeAdminCommand implements Callable<Integer> {

  private final CliUseCases useCases;
  private final PrintWriter out;

  @Parameters(paramLabel = "<email>", description = "The account's email address.")
  private String email;

  MakeAdminCommand(CliUseCases useCases, PrintWriter out) {
    this.useCases = useCases;
    this.out = out;
  }

  @Override
  public Integer call() {
    if (!useCases.makeAdmin().makeAdmin(email)) {
      throw new CliFailure("No account has the email " + email);
    }
    out.println(email + " is an admin.");
    return OperatorCli.OK;
  }
}
