package org.ordex.enumeration;

import java.nio.file.Path;
import java.util.Random;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

/** Energy models for the enumeration tests. */
final class TestModels {
  private TestModels() {}

  /** The exact nearest-neighbour Ising model (J = 0.01 eV) of examples/ising/ce.json. */
  static SupercellEnergy ising(Supercell cell) {
    return ClusterExpansion.read(Path.of("../examples/ising/ce.json")).bind(cell);
  }

  /** A spinel cluster expansion with pairs ≤ 6 Å, triplets ≤ 4 Å and random ECIs. */
  static SupercellEnergy spinel(Supercell cell, long seed) {
    ClusterSpace space = ClusterSpace.of(cell.parent(), 6.0, 4.0);
    Random r = new Random(seed);
    double[] ecis = new double[space.size()];
    for (int i = 0; i < ecis.length; i++) {
      ecis[i] = 0.05 * r.nextGaussian();
    }
    return ClusterExpansion.of(space, ecis).bind(cell);
  }
}
