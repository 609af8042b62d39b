package org.ordex.sampling.ga;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.SpaceGroup;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.ce.CorrelationFunction;

/** Lattices and cluster expansions for the genetic-search tests. */
final class GaFixtures {
  private GaFixtures() {}

  /** (Co,Mn)3O4 spinel, conventional 56-atom cell, a = 8.0835 Å, u = 0.264. */
  static ParentLattice spinel() {
    return spinel("Co", "Mn", "Co", "Mn");
  }

  /** Spinel with the given species allowed on 8a and on 16d. */
  static ParentLattice spinel(String a1, String a2, String d1, String d2) {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("8a", List.of(a1, a2),
        "16d", List.of(d1, d2), "32e", List.of("O")), SpaceGroup.DEFAULT_TOLERANCE);
  }

  /** The conventional fcc cell (a = 4 Å) with the given species on 4a. */
  static ParentLattice fcc(String... species) {
    Prototype.LabelledCell c = Prototype.FCC.build(Map.of("a", 4.0), false);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("4a", List.of(species)),
        SpaceGroup.DEFAULT_TOLERANCE);
  }

  /**
   * A test cluster expansion of the spinel: pairs to 6 Å and triplets to 3.6 Å with
   * ECIs drawn from [−0.1, 0.1] eV, scaled down by 1/(1 + radius) so near clusters dominate.
   */
  static ClusterExpansion spinelCe(long seed) {
    ClusterSpace space = ClusterSpace.of(spinel(), 6.0, 3.6);
    Random random = new Random(seed);
    double[] j = new double[space.size()];
    for (CorrelationFunction f : space.functions()) {
      if (f.order() > 0) {
        j[f.index()] = (0.2 * random.nextDouble() - 0.1) / (1 + f.orbit().radius());
      }
    }
    return ClusterExpansion.of(space, j);
  }

  /** Supercell of a parent, n×n×n. */
  static Supercell cube(ParentLattice parent, int n) {
    return Supercell.diagonal(parent, n, n, n);
  }
}
