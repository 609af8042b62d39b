package org.ordex.potentials.ce;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.SpaceGroup;
import org.ordex.lattice.Supercell;

/** Parent lattices and random configurations for the cluster-expansion tests. */
final class TestLattices {
  private TestLattices() {}

  static ParentLattice fcc(boolean primitive, String... species) {
    Prototype.LabelledCell c = Prototype.FCC.build(Map.of("a", 4.0), primitive);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("4a", List.of(species)),
        SpaceGroup.DEFAULT_TOLERANCE);
  }

  /** (Co,Mn)3O4 spinel, conventional 56-atom cell, a = 8.0835 Å, u = 0.264. */
  static ParentLattice spinel() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("8a", List.of("Co", "Mn"),
        "16d", List.of("Co", "Mn"), "32e", List.of("O")), SpaceGroup.DEFAULT_TOLERANCE);
  }

  static ParentLattice square() {
    Prototype.LabelledCell c = Prototype.SQUARE.build(Map.of("a", 1.0), false);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("1a", List.of("A", "B")),
        SpaceGroup.DEFAULT_TOLERANCE);
  }

  /** A random occupation: each active site gets a random allowed species. */
  static byte[] randomOccupation(Supercell cell, Random random) {
    ParentLattice parent = cell.parent();
    byte[] occ = new byte[cell.activeSiteCount()];
    for (int a = 0; a < occ.length; a++) {
      int[] allowed = parent.allowed(cell.parentSite(cell.activeSite(a)));
      occ[a] = (byte) allowed[random.nextInt(allowed.length)];
    }
    return occ;
  }

  /** ECIs drawn uniformly from [−0.1, 0.1] eV. */
  static double[] randomEcis(ClusterSpace space, Random random) {
    double[] j = new double[space.size()];
    for (int i = 0; i < j.length; i++) {
      j[i] = 0.2 * random.nextDouble() - 0.1;
    }
    return j;
  }
}
