package org.ordex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ordex ce}: cluster expansions (fit, info, predict). */
@Command(name = "ce", mixinStandardHelpOptions = true,
    description = "Cluster expansions: fit one to DFT energies, show it, predict energies.",
    subcommands = {CeInfoCommand.class, CeFitCommand.class, CePredictCommand.class})
final class CeCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: " + String.join(", ", spec.subcommands().keySet()));
  }
}
