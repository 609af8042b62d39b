package org.ordex.enumeration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.CompositionCount;
import org.ordex.lattice.ConfigurationCounter;
import org.ordex.lattice.Supercell;

class DistinctArrangementsTest {

  /** Orbit of every rank by brute force: representative = lowest rank, size = orbit size. */
  static Map<Long, Long> bruteForce(ArrangementSpace space) {
    int[][] perms = space.supercell().permutations();
    byte[] occ = new byte[space.supercell().activeSiteCount()];
    byte[] img = new byte[occ.length];
    Map<Long, Long> reps = new HashMap<>();
    for (long r = 0; r < space.size(); r++) {
      space.unrank(r, occ);
      long min = r;
      java.util.Set<Long> orbit = new java.util.HashSet<>();
      for (int[] p : perms) {
        for (int a = 0; a < occ.length; a++) {
          img[p[a]] = occ[a];
        }
        long q = space.rank(img);
        orbit.add(q);
        min = Math.min(min, q);
      }
      if (min == r) {
        reps.put(r, (long) orbit.size());
      }
    }
    return reps;
  }

  static Map<Long, Long> scan(DistinctArrangements d, long from, long to) {
    Map<Long, Long> out = new HashMap<>();
    d.forEach(from, to, (rank, occ, mult) -> {
      byte[] check = new byte[occ.length];
      d.space().unrank(rank, check);
      assertTrue(java.util.Arrays.equals(check, occ));
      out.put(rank, mult);
    });
    return out;
  }

  @Test
  void representativesAreLowestRanksWithOrbitSizes() {
    Supercell cell = Systems.fcc("Cu, Au", "2x1x1");
    for (int k = 0; k <= 8; k++) {
      ArrangementSpace space = ArrangementSpaceTest.space(cell, "Cu=" + k);
      DistinctArrangements d = DistinctArrangements.of(space);
      Map<Long, Long> expected = bruteForce(space);
      assertEquals(expected, scan(d, 0, space.size()));
      long mid = space.size() / 3;
      Map<Long, Long> sharded = scan(d, 0, mid);
      sharded.putAll(scan(d, mid, space.size()));
      assertEquals(expected, sharded);
    }
  }

  @Test
  void generalScanMatchesBruteForceAndTheBinaryFastPath() {
    Supercell ternary = Systems.fcc("Cu, Au, Ag", "2x1x1");
    ArrangementSpace t = ArrangementSpaceTest.space(ternary, "Cu=2,Au=3");
    assertEquals(560, t.size());
    assertEquals(bruteForce(t), scanGeneral(DistinctArrangements.of(t), 0, t.size()));
    Supercell spinel = Systems.spinel("primitive", "1x1x1");
    ArrangementSpace s = ArrangementSpaceTest.space(spinel, "8a:Co=1,16d:Co=2");
    assertEquals(bruteForce(s), scanGeneral(DistinctArrangements.of(s), 0, s.size()));
    ArrangementSpace binary = ArrangementSpaceTest.space(Systems.fcc("Cu, Au", "2x1x1"), "Cu=3");
    DistinctArrangements d = DistinctArrangements.of(binary);
    assertEquals(scan(d, 0, binary.size()), scanGeneral(d, 0, binary.size()));
  }

  @Test
  void orbitOfEveryArrangementIsItsRepresentativeWithTheOrbitSize() {
    Supercell spinel = Systems.spinel("primitive", "1x1x1");
    for (String comp : List.of("Co=3", "8a:Co=1,16d:Co=2")) {
      ArrangementSpace space = ArrangementSpaceTest.space(spinel, comp);
      DistinctArrangements d = DistinctArrangements.of(space);
      Map<Long, Long> reps = bruteForce(space);
      byte[] occ = new byte[spinel.activeSiteCount()];
      for (long r = 0; r < space.size(); r++) {
        space.unrank(r, occ);
        DistinctArrangements.Orbit o = d.orbitOf(occ);
        assertTrue(reps.containsKey(o.representative()), comp + " rank " + r);
        assertEquals(reps.get(o.representative()), o.multiplicity(), comp + " rank " + r);
      }
    }
  }

  static Map<Long, Long> scanGeneral(DistinctArrangements d, long from, long to) {
    Map<Long, Long> out = new HashMap<>();
    d.forEachGeneral(from, to, (rank, occ, mult) -> out.put(rank, mult));
    return out;
  }

  @Test
  void spinelPrimitiveCellHas15DistinctArrangements() {
    Supercell cell = Systems.spinel("primitive", "1x1x1");
    assertEquals(15, countAll(cell, 64));
  }

  @Test
  void spinelConventionalCellMatchesBurnside() {
    Supercell cell = Systems.spinel("conventional", "1x1x1");
    assertEquals(93780, countAll(cell, 1L << 24));
  }

  /** Sum over all compositions; per composition, checks Burnside and Σ multiplicities. */
  static long countAll(Supercell cell, long arrangements) {
    List<CompositionCount> counts = ConfigurationCounter.of(cell).count();
    long reps = 0;
    long all = 0;
    for (CompositionCount c : counts) {
      ArrangementSpace space = ArrangementSpace.of(Composition.of(cell, c.counts()));
      assertEquals(c.arrangements(), BigInteger.valueOf(space.size()));
      long[] found = new long[2];
      DistinctArrangements.of(space).forEach((rank, occ, mult) -> {
        found[0]++;
        found[1] += mult;
      });
      assertEquals(c.distinct(), BigInteger.valueOf(found[0]), "Burnside count");
      assertEquals(space.size(), found[1], "multiplicities add up to the arrangements");
      reps += found[0];
      all += found[1];
    }
    assertEquals(arrangements, all);
    return reps;
  }
}
