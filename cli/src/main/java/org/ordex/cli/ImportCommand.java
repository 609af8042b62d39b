package org.ordex.cli;

import picocli.CommandLine.Command;

/** {@code ordex import}: converts other programs' configuration lists into structures. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Convert the configuration lists of other programs into structures (extxyz).",
    subcommands = {ImportSodCommand.class})
final class ImportCommand extends CommandGroup {
}
