package app.huberman.bootstrap.launcher;

import java.util.Set;

/**
 * Tells a server start from an operator command by the first argument alone, before any class of
 * the application is loaded: no arguments, or Payara Micro options ({@code --port 9090}), start the
 * server as they always did; a command name, or a help or version request, goes to the operator
 * CLI.
 */
final class LaunchArguments {

  private static final Set<String> CLI_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private LaunchArguments() {}

  static boolean startServerDirectly(String[] args) {
    return args.length == 0 || args[0].startsWith("-") && !CLI_OPTIONS.contains(args[0]);
  }
}
