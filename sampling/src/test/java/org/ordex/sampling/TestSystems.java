package org.ordex.sampling;

import java.util.List;
import java.util.Map;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.Units;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

/** Small systems for the sampler tests. */
final class TestSystems {
  /** J of the test Ising models: k_B × 100 K, so that T_c = 226.9 K. */
  static final double J = Units.KB * 100;

  private TestSystems() {}

  /** The L×L square lattice with species A and B (lattice parameter 1 Å). */
  static Supercell square(int l) {
    Prototype.LabelledCell c = Prototype.SQUARE.build(Map.of("a", 1.0), false);
    ParentLattice p = ParentLattice.of(c.structure(), c.labels(),
        Map.of("1a", List.of("A", "B")), 0.01);
    return Supercell.diagonal(p, l, l, 1);
  }

  /** The 56-atom spinel cell with Co and Mn on 8a and 16d, O fixed. */
  static Supercell spinel() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
    ParentLattice p = ParentLattice.of(c.structure(), c.labels(),
        Map.of("8a", List.of("Co", "Mn"), "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
    return Supercell.diagonal(p, 1, 1, 1);
  }

  /**
   * The Ising model H = −J Σ s_i s_j on the square lattice as a cluster expansion: one
   * nearest-neighbour pair (multiplicity 2 per site) with ECI −J.
   */
  static ClusterExpansion ising(Supercell cell) {
    ClusterSpace space = ClusterSpace.of(cell.parent(), 1.1);
    return ClusterExpansion.of(space, new double[] {0, 0, -J});
  }

  /**
   * A cluster expansion of the spinel cations with point terms that put Co on 8a (swapping an
   * 8a Co with a 16d Mn costs about 0.18 eV before the other terms; at Co12Mn12 the inversion
   * x(8a:Mn) is 0.01 at 100 K and 0.33 at 1500 K), the three cation pair shells (2.86, 3.35,
   * 3.50 Å) and three triplets.
   */
  static ClusterExpansion spinelModel(Supercell cell) {
    ClusterSpace space = ClusterSpace.of(cell.parent(), 3.6, 3.4);
    return ClusterExpansion.of(space,
        new double[] {0, -0.06, 0.03, 0.005, -0.004, 0.003, 0.002, -0.001, 0.001});
  }
}
