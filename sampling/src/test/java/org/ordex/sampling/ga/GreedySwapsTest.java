package org.ordex.sampling.ga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

class GreedySwapsTest {
  @Test
  void descentEndsInALocalMinimumUnderSwaps() {
    Supercell cell = GaFixtures.cube(GaFixtures.spinel(), 1);
    SupercellEnergy e = GaFixtures.spinelCe(5).bind(cell);
    FixedComposition c = FixedComposition.of(Composition.parse("Co=11", cell));
    GreedySwaps descent = new GreedySwaps(c, Long.MAX_VALUE);
    Random random = new Random(8);
    for (int trial = 0; trial < 20; trial++) {
      byte[] start = c.random(random);
      MoveEvaluator ev = e.evaluator(start);
      double before = ev.energy();
      long trials = descent.relax(ev, start);
      assertTrue(trials > 0);
      byte[] end = new byte[start.length];
      ev.copyOccupation(end);
      assertTrue(c.accepts(end));
      assertEquals(e.energy(end), ev.energy(), 1e-9);
      assertTrue(ev.energy() <= before + 1e-12);
      MoveEvaluator again = e.evaluator(start);
      assertEquals(trials, descent.relax(again, start), "the same start, the same descent");
      assertEquals(ev.energy(), again.energy());
      for (int i = 0; i < end.length; i++) {
        for (int j = 0; j < end.length; j++) {
          assertTrue(ev.swapDelta(i, j) > -1e-9, "a swap still lowers the energy");
        }
      }
    }
  }

  @Test
  void theBudgetBoundsTheTrials() {
    Supercell cell = GaFixtures.cube(GaFixtures.spinel(), 1);
    SupercellEnergy e = GaFixtures.spinelCe(5).bind(cell);
    FixedComposition c = FixedComposition.of(Composition.parse("Co=11", cell));
    byte[] start = c.random(new Random(9));
    assertEquals(7, new GreedySwaps(c, 7).relax(e.evaluator(start), start));
  }
}
