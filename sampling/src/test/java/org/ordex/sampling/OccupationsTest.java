package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;

class OccupationsTest {
  @Test
  void randomOccupationHasTheCompositionSpreadOverSublattices() {
    Supercell cell = TestSystems.spinel();
    SiteLayout layout = SiteLayout.of(cell);
    byte[] occ = Occupations.random(layout, Composition.parse("Co=12,Mn=12", cell),
        Rng.stream(1, 0));
    layout.check(occ);
    int[][] sub = new int[2][2];
    for (int a = 0; a < occ.length; a++) {
      sub[layout.sublatticeOf(a)][occ[a]]++;
    }
    assertEquals(12, sub[0][0] + sub[1][0]);
    // proportional first guess: 8a (8 sites) gets 4 Co, 16d gets 8
    assertEquals(4, sub[0][0]);
    assertEquals(8, sub[1][0]);
  }

  @Test
  void randomFlipStartsUseAllowedSpecies() {
    Supercell cell = TestSystems.square(8);
    SiteLayout layout = SiteLayout.of(cell);
    byte[] occ = Occupations.random(layout, Rng.stream(2, 0));
    int b = 0;
    for (byte s : occ) {
      b += s;
    }
    assertTrue(b > 16 && b < 48, "about half B: " + b);
  }
}
