package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

/**
 * A nearest-neighbour pair cluster expansion on the square lattice is the Ising model
 * H = −J Σ_bonds σσ − h Σ σ (species A = spin +1): point ECI −h, pair ECI −J.
 */
class IsingTest {
  static final double J = 0.75;
  static final double H = 0.2;

  static double ising(Supercell cell, byte[] occ) {
    double e = 0;
    for (int a = 0; a < occ.length; a++) {
      int[] n = cell.translation(cell.activeSite(a));
      int right = cell.activeIndex(cell.siteIndex(0, new int[] {n[0] + 1, n[1], 0}));
      int up = cell.activeIndex(cell.siteIndex(0, new int[] {n[0], n[1] + 1, 0}));
      e += -J * spin(occ[a]) * (spin(occ[right]) + spin(occ[up])) - H * spin(occ[a]);
    }
    return e;
  }

  static int spin(byte species) {
    return species == 0 ? 1 : -1;
  }

  @Test
  void energiesAndMovesEqualTheIsingModel() {
    ParentLattice square = TestLattices.square();
    ClusterSpace space = ClusterSpace.of(square, 1.1);
    assertEquals(3, space.size());
    assertEquals(2, space.orbits().get(2).multiplicity());
    ClusterExpansion ce = ClusterExpansion.of(space, new double[] {0, -H, -J});
    Random random = new Random(7);
    for (int[] size : new int[][] {{4, 4}, {5, 3}, {2, 2}, {1, 3}}) {
      Supercell cell = Supercell.diagonal(square, size[0], size[1], 1);
      SupercellEnergy e = ce.bind(cell);
      byte[] occ = TestLattices.randomOccupation(cell, random);
      MoveEvaluator ev = e.evaluator(occ);
      for (int step = 0; step < 200; step++) {
        assertEquals(ising(cell, occ), e.energy(occ), 1e-12);
        assertEquals(ising(cell, occ), ev.energy(), 1e-12);
        int i = random.nextInt(occ.length);
        if (step % 2 == 0) {
          int j = random.nextInt(occ.length);
          ev.swap(i, j);
          byte t = occ[i];
          occ[i] = occ[j];
          occ[j] = t;
        } else {
          ev.flip(i, 1 - occ[i]);
          occ[i] = (byte) (1 - occ[i]);
        }
      }
    }
  }
}
