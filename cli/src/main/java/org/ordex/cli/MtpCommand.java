package org.ordex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ordex mtp}: Moment Tensor Potentials (MLIP-2 .mtp files). */
@Command(name = "mtp", mixinStandardHelpOptions = true,
    description = "Moment Tensor Potentials in MLIP-2's formats: energies, forces and stresses "
        + "(calc), extrapolation grades (grade), selection of configurations for DFT "
        + "(select) and training (train).",
    subcommands = {MtpCalcCommand.class, MtpGradeCommand.class,
        MtpSelectCommand.class, MtpTrainCommand.class})
final class MtpCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: calc, grade, select or train");
  }
}
