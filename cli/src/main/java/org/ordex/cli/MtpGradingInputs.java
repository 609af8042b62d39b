package org.ordex.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs {@code mtp grade} and {@code mtp select} share (a picocli mixin): the potential,
 * the training set that defines the active set, the candidates and the type mapping.
 */
final class MtpGradingInputs {
  @Parameters(index = "0", paramLabel = "POT.mtp", description = "trained MLIP potential")
  Path potentialFile;

  @Parameters(index = "1", paramLabel = "TRAIN", description = "training set (.cfg, extxyz)")
  Path training;

  @Parameters(index = "2", paramLabel = "CANDIDATES",
      description = "candidate configurations (.cfg, extxyz, POSCAR)")
  Path candidates;

  @Option(names = "--species", paramLabel = "LIST",
      description = "elements of the potential's types in order, e.g. Co,Mn,O (type 0 = Co)")
  String species;

  /** Selects the active set and grades every candidate. */
  MtpGrading grade() {
    return MtpGrading.run(potentialFile, training, candidates, species);
  }
}
