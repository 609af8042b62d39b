package org.ordex.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.ce.ClusterExpansion;

/**
 * Loads an energy model file for a system, the same way for every subcommand that takes
 * {@code --model FILE}: the kind of model is told by the file name — a cluster expansion
 * ({@code .json}, see {@link org.ordex.potentials.ce.ClusterExpansionFile}). The model must fit
 * the system's parent lattice; otherwise bad input naming both files.
 */
final class Models {
  private Models() {}

  static EnergyModel load(Path modelFile, SystemSpec system) {
    String name = modelFile.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      ClusterExpansion ce = ClusterExpansion.read(modelFile);
      try {
        ce.space().requireCompatible(system.parent());
      } catch (InvalidInputException e) {
        throw new InvalidInputException("model " + modelFile + " does not fit the system "
            + system.source() + ": " + e.getMessage());
      }
      return ce;
    }
    throw new InvalidInputException("model " + modelFile
        + ": unknown kind of model file; expected a cluster expansion (.json)");
  }
}
