package org.ordex.sampling.ga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;

class DistinctOrderingsTest {
  static final Supercell SPINEL = GaFixtures.cube(GaFixtures.spinel(), 1);

  @Test
  void symmetryImagesAreTheSameOrdering() {
    FixedComposition c = FixedComposition.of(Composition.parse("Co=9", SPINEL));
    SupercellEnergy e = GaFixtures.spinelCe(3).bind(SPINEL);
    int[][] perms = SPINEL.permutations();
    DistinctOrderings set = new DistinctOrderings(perms, Integer.MAX_VALUE);
    Random random = new Random(4);
    for (int trial = 0; trial < 50; trial++) {
      byte[] occ = c.random(random);
      double energy = e.energy(occ);
      boolean fresh = set.indexOf(energy, occ) < 0;
      assertEquals(fresh, set.add(energy, occ, trial));
      int[] p = perms[random.nextInt(perms.length)];
      byte[] image = Configuration.of(SPINEL, occ).permuted(p).occupation();
      double imageEnergy = e.energy(image);
      assertTrue(DistinctOrderings.sameEnergy(energy, imageEnergy));
      assertFalse(set.add(imageEnergy, image, trial));
    }
    for (int i = 1; i < set.size(); i++) {
      assertTrue(set.energy(i - 1) <= set.energy(i));
    }
  }

  @Test
  void keepsTheLowestUpToCapacity() {
    int[][] identity = {{0, 1, 2}};
    DistinctOrderings set = new DistinctOrderings(identity, 2);
    assertTrue(set.add(3, new byte[] {0, 0, 1}, 1));
    assertTrue(set.add(1, new byte[] {0, 1, 0}, 2));
    assertTrue(set.add(2, new byte[] {1, 0, 0}, 3));
    assertEquals(2, set.size());
    assertEquals(1, set.energy(0));
    assertEquals(2, set.energy(1));
    assertEquals(3, set.stamp(1));
    assertFalse(set.add(5, new byte[] {1, 1, 0}, 4));
    assertFalse(set.add(1, new byte[] {0, 1, 0}, 5), "an equal ordering is not added twice");
    assertTrue(set.add(1, new byte[] {1, 1, 1}, 6), "equal energy, another ordering");
    assertEquals(2, set.size());
    assertEquals(1, set.energy(1));
  }
}
