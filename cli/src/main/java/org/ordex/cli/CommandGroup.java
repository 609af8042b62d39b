package org.ordex.cli;

import picocli.CommandLine;

/** A command that only groups subcommands ({@code ordex ce}, …): run alone, it asks for one. */
abstract class CommandGroup implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: " + String.join(", ", spec.subcommands().keySet()));
  }
}
