package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;

/** The chain's bookkeeping against recomputation from scratch. */
class ChainTest {
  private final Supercell cell = TestSystems.spinel();
  private final SupercellEnergy model = TestSystems.spinelModel(cell).bind(cell);
  private final SiteLayout layout = SiteLayout.of(cell);

  @Test
  void spinelSublatticesShareOneSwapGroup() {
    assertEquals(2, layout.sublattices());
    assertEquals(1, layout.groups());
    assertEquals(8, layout.sublatticeSize(0));
    assertEquals(16, layout.sublatticeSize(1));
    assertEquals("8a", layout.sublatticeLabel(0));
  }

  @Test
  void swapsKeepEnergyOccupationAndCountsConsistent() {
    byte[] occ = Occupations.random(layout, Composition.parse("Co=10", cell), Rng.stream(3, 0));
    Chain chain = new Chain(layout, model, new Ensemble.Canonical(), occ, Rng.stream(3, 1), 700);
    long accepted = 0;
    for (int sweep = 0; sweep < 300; sweep++) {
      accepted += chain.sweep();
      checkConsistent(chain);
    }
    assertTrue(accepted > 1000, "moves accepted: " + accepted);
    assertEquals(10, chain.count(cell.parent().speciesIndex("Co")));
  }

  @Test
  void flipsKeepEnergyOccupationAndCountsConsistent() {
    byte[] occ = Occupations.random(layout, Rng.stream(4, 0));
    Ensemble sgc = new Ensemble.SemiGrandCanonical(new double[] {0, 0.02});
    Chain chain = new Chain(layout, model, sgc, occ, Rng.stream(4, 1), 900);
    for (int sweep = 0; sweep < 300; sweep++) {
      chain.sweep();
      checkConsistent(chain);
    }
  }

  private void checkConsistent(Chain chain) {
    byte[] occ = chain.occupationView().clone();
    assertEquals(model.energy(occ), chain.energy(), 1e-9);
    int[] counts = new int[2];
    int[][] sub = new int[2][2];
    for (int a = 0; a < occ.length; a++) {
      counts[occ[a]]++;
      sub[layout.sublatticeOf(a)][occ[a]]++;
    }
    assertArrayEquals(counts, new int[] {chain.count(0), chain.count(1)});
    for (int k = 0; k < 2; k++) {
      assertArrayEquals(sub[k], new int[] {chain.sublatticeCount(k, 0),
          chain.sublatticeCount(k, 1)});
    }
    assertEquals(chain.energy(), chain.recompute(), 1e-9);
  }

  @Test
  void swapPartnersAreUniformOverSitesHoldingAnotherSpecies() {
    byte[] occ = Occupations.random(layout, Composition.parse("Co=6", cell), Rng.stream(8, 0));
    SwapLists lists = new SwapLists(layout, occ);
    Rng rng = Rng.stream(8, 1);
    int i = 0;
    int[] hits = new int[occ.length];
    int draws = 180_000;
    for (int t = 0; t < draws; t++) {
      hits[lists.partner(i, occ[i], rng)]++;
    }
    int others = 0;
    for (int a = 0; a < occ.length; a++) {
      if (occ[a] != occ[i]) {
        others++;
      }
    }
    for (int a = 0; a < occ.length; a++) {
      if (occ[a] == occ[i]) {
        assertEquals(0, hits[a]);
      } else {
        double expected = (double) draws / others;
        assertEquals(expected, hits[a], 5 * Math.sqrt(expected));
      }
    }
  }

  @Test
  void swapListsFollowSwaps() {
    byte[] occ = Occupations.random(layout, Composition.parse("Co=12", cell), Rng.stream(9, 0));
    SwapLists lists = new SwapLists(layout, occ);
    Rng rng = Rng.stream(9, 1);
    for (int t = 0; t < 2000; t++) {
      int i = rng.nextInt(occ.length);
      int j = lists.partner(i, occ[i], rng);
      assertTrue(occ[j] != occ[i]);
      lists.swapped(i, j);
      byte s = occ[i];
      occ[i] = occ[j];
      occ[j] = s;
    }
    SwapLists restored = SwapLists.restore(layout, occ, lists.order());
    Rng r1 = Rng.stream(10, 0);
    Rng r2 = Rng.stream(10, 0);
    for (int t = 0; t < 100; t++) {
      assertEquals(lists.partner(t % occ.length, occ[t % occ.length], r1),
          restored.partner(t % occ.length, occ[t % occ.length], r2));
    }
  }
}
