package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.Supercell;

/** Correlation vectors are invariant under every symmetry operation of the supercell. */
class CorrelationSymmetryTest {
  static void assertInvariant(ClusterSpace space, Supercell cell, long seed) {
    SupercellClusters clusters = space.clustersIn(cell);
    Random random = new Random(seed);
    for (int trial = 0; trial < 3; trial++) {
      Configuration c = Configuration.of(cell, TestLattices.randomOccupation(cell, random));
      double[] reference = clusters.correlations(c);
      assertEquals(1.0, reference[0]);
      for (int[] perm : cell.permutations()) {
        assertArrayEquals(reference, clusters.correlations(c.permuted(perm)), 1e-12);
      }
    }
  }

  @Test
  void spinelCellUpToQuadruplets() {
    Supercell cell = Supercell.diagonal(TestLattices.spinel(), 1, 1, 1);
    assertEquals(192, cell.symmetryCount());
    assertInvariant(ClusterSpace.of(TestLattices.spinel(), 6.0, 4.5, 3.6), cell, 1);
  }

  @Test
  void ternaryFccInANonCubicSupercell() {
    var fcc = TestLattices.fcc(false, "Cu", "Au", "Pd");
    Supercell cell = Supercell.of(fcc, new int[][] {{2, 0, 0}, {0, 1, 0}, {0, 1, 2}});
    assertInvariant(ClusterSpace.of(fcc, 5.0, 3.0, 3.0), cell, 2);
  }

  @Test
  void randomAlloyCorrelationsVanishOnAverage() {
    // Over all 3^4 configurations of the 4-site conventional fcc cell every non-empty
    // correlation averages to zero (orthonormal basis); nearest-neighbour clusters only, so
    // that no cluster holds a site twice in this small cell.
    var fcc = TestLattices.fcc(false, "Cu", "Au", "Pd");
    Supercell cell = Supercell.diagonal(fcc, 1, 1, 1);
    SupercellClusters clusters = ClusterSpace.of(fcc, 3.0, 3.0, 3.0).clustersIn(cell);
    double[] mean = new double[clusters.space().size()];
    for (int code = 0; code < 81; code++) {
      byte[] occ = {(byte) (code % 3), (byte) (code / 3 % 3), (byte) (code / 9 % 3),
          (byte) (code / 27)};
      double[] c = clusters.correlations(occ);
      for (int f = 0; f < mean.length; f++) {
        mean[f] += c[f] / 81;
      }
    }
    assertEquals(1.0, mean[0], 1e-12);
    for (int f = 1; f < mean.length; f++) {
      assertEquals(0.0, mean[f], 1e-12, "function " + f);
    }
  }
}
