package org.ordex.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.mtp.MtpEnergyModel;
import org.ordex.potentials.mtp.MtpPotential;

/**
 * Loads an energy model file for a system, the same way for every subcommand that takes
 * {@code --model FILE}: the kind of model is told by the file name — a cluster expansion
 * ({@code .json}, see {@link org.ordex.potentials.ce.ClusterExpansionFile}) or an MLIP-2 Moment
 * Tensor Potential ({@code .mtp}, whose types are named by {@code --species}, see
 * {@link ModelOptions}). The model must fit the system's parent lattice; otherwise bad input
 * naming both files.
 */
final class Models {
  private Models() {}

  static EnergyModel load(Path modelFile, SystemSpec system) {
    return load(modelFile, system, null);
  }

  /**
   * Loads a model; {@code species} (e.g. {@code Co,Mn,O}: type 0 = Co) names the types of a
   * .mtp potential and is required for one.
   */
  static EnergyModel load(Path modelFile, SystemSpec system, String species) {
    String name = modelFile.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".mtp")) {
      return loadMtp(modelFile, system, species);
    }
    if (name.endsWith(".json")) {
      ClusterExpansion ce = ClusterExpansion.read(modelFile);
      try {
        ce.space().requireCompatible(system.parent());
      } catch (InvalidInputException e) {
        String hint = ce.space().parent().size() < system.parent().size()
            && Set.copyOf(ce.space().parent().species())
                .equals(Set.copyOf(system.parent().species()))
            ? "; if the system's cell is a supercell of the model's parent cell, give a "
                + "system file with the model's parent (e.g. cell: primitive) and that "
                + "supercell as its matrix (as examples/comno/cell56.yaml does)"
            : "";
        throw new InvalidInputException("model " + modelFile + " does not fit the system "
            + system.source() + ": " + e.getMessage() + hint);
      }
      return ce;
    }
    throw new InvalidInputException("model " + modelFile
        + ": unknown kind of model file; expected a cluster expansion (.json) or an MLIP "
        + "potential (.mtp)");
  }

  private static EnergyModel loadMtp(Path modelFile, SystemSpec system, String species) {
    if (species == null) {
      throw new InvalidInputException("model " + modelFile + " is an MLIP potential: give "
          + "--species with the elements of its types in order (e.g. --species Co,Mn,O: "
          + "type 0 = Co)");
    }
    MtpPotential potential = MtpPotential.read(modelFile);
    MlipTypes types = MlipTypes.parse(species).requireCount(potential.speciesCount(),
        modelFile.toString());
    for (String element : system.parent().species()) {
      if (!types.elements().contains(element)) {
        throw new InvalidInputException("model " + modelFile + " does not fit the system "
            + system.source() + ": its species " + types + " (--species) do not include "
            + element);
      }
    }
    return MtpEnergyModel.of(potential, types);
  }
}
