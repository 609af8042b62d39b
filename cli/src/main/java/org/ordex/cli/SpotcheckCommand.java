package org.ordex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ordex spotcheck}: choose arrangements for DFT, run a DFT code, compare, learn. */
@Command(name = "spotcheck", mixinStandardHelpOptions = true,
    description = "DFT spot-checks: select arrangements, export DFT inputs, run a DFT command "
        + "per structure, ingest the results and report the model's errors.",
    subcommands = {SpotcheckSelectCommand.class, SpotcheckExportCommand.class,
        SpotcheckRunCommand.class, SpotcheckIngestCommand.class, SpotcheckReportCommand.class})
final class SpotcheckCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: select, export, run, ingest, report");
  }
}
