package org.ordex.sampling.ga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;

class FixedCompositionTest {
  static final Supercell SPINEL = GaFixtures.cube(GaFixtures.spinel(), 1);

  @Test
  void totalCompositionOfTheSpinelIsOneGroupOfAllCationSites() {
    FixedComposition c = FixedComposition.of(Composition.parse("Co=10", SPINEL));
    assertEquals(1, c.groupCount());
    assertEquals(24, c.groupSites(0).length);
    assertEquals("Co10Mn14", c.label());
    Random random = new Random(1);
    for (int i = 0; i < 100; i++) {
      byte[] occ = c.random(random);
      assertTrue(c.accepts(occ));
    }
    byte[] occ = c.random(random);
    occ[c.groupSites(0)[0]] = (byte) (1 - occ[c.groupSites(0)[0]]);
    assertFalse(c.accepts(occ));
    List<FixedComposition> all = FixedComposition.all(SPINEL);
    assertEquals(25, all.size());
    assertFalse(all.get(0).isMixed(0));
    assertTrue(all.get(1).isMixed(0));
  }

  @Test
  void perSublatticeCountsMakeOneGroupPerSublattice() {
    int co = SPINEL.parent().speciesIndex("Co");
    int mn = SPINEL.parent().speciesIndex("Mn");
    int[][] counts = new int[3][3];
    int a = SPINEL.parent().sublattices().stream().filter(s -> s.label().equals("8a"))
        .findFirst().orElseThrow().index();
    int d = SPINEL.parent().sublattices().stream().filter(s -> s.label().equals("16d"))
        .findFirst().orElseThrow().index();
    counts[a][co] = 2;
    counts[a][mn] = 6;
    counts[d][co] = 10;
    counts[d][mn] = 6;
    FixedComposition c = FixedComposition.perSublattice(SPINEL, counts, "inv");
    assertEquals(2, c.groupCount());
    int[] total = c.counts();
    assertEquals(12, total[co]);
    assertEquals(12, total[mn]);
    byte[] occ = c.random(new Random(2));
    assertTrue(c.accepts(occ));
    counts[a][co] = 3;
    assertThrows(InvalidInputException.class,
        () -> FixedComposition.perSublattice(SPINEL, counts, "bad"));
  }

  @Test
  void speciesSharedBetweenDifferentSiteClassesNeedCountsPerSublattice() {
    Supercell cell = GaFixtures.cube(GaFixtures.spinel("Co", "Mn", "Co", "Ni"), 1);
    Composition c = Composition.parse("Co=8,Mn=4,Ni=12", cell);
    assertTrue(assertThrows(InvalidInputException.class, () -> FixedComposition.of(c))
        .getMessage().contains("per sublattice"));
  }

  @Test
  void randomArrangementsAreUniform() {
    Supercell cell = Supercell.diagonal(GaFixtures.fcc("Cu", "Au"), 1, 1, 1);
    FixedComposition c = FixedComposition.of(Composition.parse("Cu=2", cell));
    int[] seen = new int[16];
    Random random = new Random(3);
    for (int i = 0; i < 60000; i++) {
      byte[] occ = c.random(random);
      int mask = 0;
      for (int s = 0; s < 4; s++) {
        mask |= occ[s] << s;
      }
      seen[mask]++;
    }
    int[] expected = new int[16];
    for (int m = 0; m < 16; m++) {
      expected[m] = Integer.bitCount(m) == 2 ? 1 : 0;
    }
    for (int m = 0; m < 16; m++) {
      assertEquals(expected[m], seen[m] > 0 ? 1 : 0);
      if (seen[m] > 0) {
        assertEquals(10000, seen[m], 400);
      }
    }
    assertArrayEquals(new int[] {0, 2, 2}, new int[] {0, c.counts()[0], c.counts()[1]});
  }
}
