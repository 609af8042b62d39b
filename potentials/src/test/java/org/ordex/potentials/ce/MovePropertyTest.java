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
 * Incremental energy changes equal full recomputation for random swaps and flips, with random
 * ECIs: binary spinel up to quadruplets, ternary fcc, large cells, and clusters that wrap
 * around cells too small for them. The first half of the moves only calls swap/flip (the
 * evaluator then sums terms directly); the second half asks swapDelta/flipDelta first (which
 * builds the fields) and applies by swap/flip or by applySwap/applyFlip with that delta.
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
      boolean direct = step < moves / 2;
      double previous = ev.energy();
      if (random.nextBoolean()) {
        int j = random.nextInt(n);
        delta = direct ? Double.NaN : ev.swapDelta(i, j);
        if (direct) {
          ev.swap(i, j);
          delta = ev.energy() - previous;
        } else if (step % 3 == 0) {
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
        delta = direct ? Double.NaN : ev.flipDelta(i, s);
        if (direct) {
          ev.flip(i, s);
          delta = ev.energy() - previous;
        } else if (step % 3 == 0) {
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

  @Test
  void largeCellsWhereMostPairsShareNoCluster() {
    ParentLattice ternary = TestLattices.fcc(false, "Cu", "Au", "Pd");
    ClusterSpace nearest = ClusterSpace.of(ternary, 3.0, 3.0);
    Supercell cell = Supercell.diagonal(ternary, 3, 3, 3);
    double[] ones = new double[nearest.size()];
    java.util.Arrays.fill(ones, 1);
    LocalTerms terms = new LocalTerms(nearest.clustersIn(cell), ones);
    int apart = 0;
    for (int j = 1; j < cell.activeSiteCount(); j++) {
      apart += terms.interact(0, j) ? 0 : 1;
    }
    assertEquals(cell.activeSiteCount() - 1 - 12, apart);
    checkMoves(nearest, cell, 2000, 16);
    ParentLattice binary = TestLattices.fcc(false, "Cu", "Au");
    checkMoves(ClusterSpace.of(binary, 5.0, 3.0), Supercell.diagonal(binary, 4, 4, 4), 1500,
        17);
  }

  @Test
  void energyChangesDependOnTheConfigurationAloneBitForBit() {
    ParentLattice fcc = TestLattices.fcc(false, "Cu", "Au");
    ClusterSpace space = ClusterSpace.of(fcc, 5.0, 3.0, 3.0);
    Supercell cell = Supercell.diagonal(fcc, 3, 3, 3);
    Random random = new Random(21);
    SupercellEnergy e = ClusterExpansion.of(space, TestLattices.randomEcis(space, random))
        .bind(cell);
    int n = cell.activeSiteCount();
    MoveEvaluator walked = e.evaluator(TestLattices.randomOccupation(cell, random));
    for (int step = 0; step < 5000; step++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n);
      double d = walked.swapDelta(i, j);
      if (random.nextInt(4) == 0) {
        walked.applySwap(i, j, d);
      }
      walked.flipDelta(i, 1 - walked.species(i));
    }
    byte[] occ = new byte[n];
    walked.copyOccupation(occ);
    MoveEvaluator fresh = e.evaluator(occ);
    for (int k = 0; k < 2000; k++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n);
      assertEquals(fresh.swapDelta(i, j), walked.swapDelta(i, j), 0.0);
      assertEquals(fresh.flipDelta(i, 1 - occ[i]), walked.flipDelta(i, 1 - occ[i]), 0.0);
    }
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
