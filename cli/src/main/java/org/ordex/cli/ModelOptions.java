package org.ordex.cli;

import java.nio.file.Path;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import picocli.CommandLine.Option;

/**
 * The {@code --model FILE [--species LIST]} options of every subcommand that scores
 * configurations (add with {@code @Mixin ModelOptions model;}); loads through {@link Models}.
 */
final class ModelOptions {
  @Option(names = "--model", paramLabel = "FILE",
      description = "energy model: cluster expansion (.json) or MLIP potential (.mtp)")
  Path model;

  @Option(names = "--species", paramLabel = "LIST",
      description = "for a .mtp model: the elements of its types in order, e.g. Co,Mn,O "
          + "(type 0 = Co)")
  String species;

  /** The model fitted to {@code system}; a missing --model is bad input. */
  EnergyModel load(SystemSpec system) {
    if (model == null) {
      throw new InvalidInputException("--model FILE is required");
    }
    return Models.load(model, system, species);
  }
}
