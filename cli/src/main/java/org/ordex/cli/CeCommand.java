package org.ordex.cli;

import picocli.CommandLine.Command;

/** {@code ordex ce}: cluster expansions (fit, info, predict). */
@Command(name = "ce", mixinStandardHelpOptions = true,
    description = "Cluster expansions: fit one to DFT energies, show it, predict energies.",
    subcommands = {CeInfoCommand.class, CeFitCommand.class, CePredictCommand.class})
final class CeCommand extends CommandGroup {
}
