package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

/**
 * Incremental energy changes equal full recomputation for random swaps and flips (applied by
 * swap/flip, or by applySwap/applyFlip with the delta just computed), with random ECIs: binary spinel up to quadruplets, ternary fcc, and clusters that wrap around cells
 * too small for them.
 */
class MovePropertyTest {
  static void checkMoves(ClusterSpace space, Supercell cell, int moves, long seed) {
    Random random = new Random(seed);
    ClusterExpansion ce = ClusterExpansion.of(space, TestLattices.randomEcis(space, random));
    SupercellEnergy e = ce.bind(cell);
    byte[] occ = TestLattices.randomOccupation(cell, random);
    MoveEvaluator ev = e.evaluator(occ);
    ParentLattice parent = cell.parent();
    int n = occ.length;
    double before = e.energy(occ);
    assertEquals(before, ev.energy(), 1e-12);
    for (int step = 0; step < moves; step++) {
      int i = random.nextInt(n);
      double delta;
      if (random.nextBoolean()) {
        int j = random.nextInt(n);
        delta = ev.swapDelta(i, j);
        if (step % 3 == 0) {
          ev.applySwap(i, j, delta);
        } else {
          ev.swap(i, j);
        }
        byte t = occ[i];
        occ[i] = occ[j];
        occ[j] = t;
      } else {
        int[] allowed = parent.allowed(cell.parentSite(cell.activeSite(i)));
        int s = allowed[random.nextInt(allowed.length)];
        delta = ev.flipDelta(i, s);
        if (step % 3 == 0) {
          ev.applyFlip(i, s, delta);
        } else {
          ev.flip(i, s);
        }
        occ[i] = (byte) s;
      }
      double after = e.energy(occ);
      assertEquals(after - before, delta, 1e-9, "move " + step);
      assertEquals(after, ev.energy(), 1e-9, "move " + step);
      for (int a = 0; a < n; a++) {
        assertEquals(occ[a], ev.species(a));
      }
      before = after;
    }
    assertEquals(before, ev.recompute(), 1e-12);
  }

  @Test
  void spinelBinaryUpToQuadruplets() {
    ParentLattice spinel = TestLattices.spinel();
    ClusterSpace space = ClusterSpace.of(spinel, 6.0, 4.5, 3.6);
    assertEquals(4, space.maxOrder());
    assertTrue(space.orbits().stream().anyMatch(o -> o.order() == 4));
    checkMoves(space, Supercell.diagonal(spinel, 1, 1, 1), 3000, 11);
  }

  @Test
  void ternaryFcc() {
    ParentLattice fcc = TestLattices.fcc(false, "Cu", "Au", "Pd");
    checkMoves(ClusterSpace.of(fcc, 5.0, 3.0, 3.0), Supercell.diagonal(fcc, 2, 2, 2), 2000, 12);
  }

  /** Whether some term holds a site twice (exercises the "full" segments). */
  static boolean wraps(ClusterSpace space, Supercell cell) {
    double[] ones = new double[space.size()];
    java.util.Arrays.fill(ones, 1);
    LocalTerms terms = new LocalTerms(space.clustersIn(cell), ones);
    return java.util.Arrays.stream(terms.segArity).anyMatch(a -> a < 0);
  }

  @Test
  void clustersWrappingAroundSmallCells() {
    ParentLattice binary = TestLattices.fcc(true, "Cu", "Au");
    ClusterSpace space = ClusterSpace.of(binary, 6.0, 4.5);
    Supercell small = Supercell.diagonal(binary, 2, 2, 2);
    assertTrue(wraps(space, small));
    assertTrue(!wraps(space, Supercell.diagonal(binary, 4, 4, 4)));
    checkMoves(space, small, 1500, 13);
    ParentLattice ternary = TestLattices.fcc(true, "Cu", "Au", "Pd");
    checkMoves(ClusterSpace.of(ternary, 6.0, 4.5), Supercell.diagonal(ternary, 2, 1, 1), 1500,
        14);
    ParentLattice spinel = TestLattices.spinel();
    checkMoves(ClusterSpace.of(spinel, 8.5, 4.0), Supercell.diagonal(spinel, 1, 1, 1), 1000, 15);
  }
}
