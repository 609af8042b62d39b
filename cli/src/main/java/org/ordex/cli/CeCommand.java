package org.ordex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ordex ce}: cluster expansions (inspect; fit and predict to come with their data). */
@Command(name = "ce", mixinStandardHelpOptions = true,
    description = "Cluster expansions: show a fitted expansion.",
    subcommands = {CeInfoCommand.class})
final class CeCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: " + String.join(", ", spec.subcommands().keySet()));
  }
}
