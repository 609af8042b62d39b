package org.ordex.enumeration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.Units;

class EnumeratorTest {
  static final double KB = Units.KB;

  static EnumerationResult run(ChunkPlan plan, SupercellEnergy e, boolean distinct, double tMin,
      int threads, List<ChunkPlan.Chunk> chunks) {
    double w = DensityOfStates.binWidthFor(tMin);
    EnumerationResult result = EnumerationResult.of(plan, w);
    Enumerator.of(plan, e, distinct, w, 3).run(chunks, threads, result::add, new LongAdder());
    return result;
  }

  static EnumerationResult run(ChunkPlan plan, SupercellEnergy e, boolean distinct, double tMin,
      int threads) {
    return run(plan, e, distinct, tMin, threads, plan.chunks());
  }

  /** ln Σ over compositions of Z. */
  static double totalLnZ(EnumerationResult r, OccupancyKey keys, double t) {
    double max = Double.NEGATIVE_INFINITY;
    double[] ln = new double[r.plan().spaces().size()];
    for (int s = 0; s < ln.length; s++) {
      ln[s] = CanonicalAverages.of(r.dos(s), keys, t).lnZ();
      max = Math.max(max, ln[s]);
    }
    double sum = 0;
    for (double x : ln) {
      sum += Math.exp(x - max);
    }
    return max + Math.log(sum);
  }

  /** Brute-force ln Z of the periodic L×L Ising model (J = 0.01 eV). */
  static double bruteForceLnZ(int l, double t) {
    double j = 0.01;
    double z = 0;
    for (int m = 0; m < 1 << (l * l); m++) {
      int bonds = 0;
      for (int x = 0; x < l; x++) {
        for (int y = 0; y < l; y++) {
          int s = spin(m, x, y, l);
          bonds += s * spin(m, (x + 1) % l, y, l) + s * spin(m, x, (y + 1) % l, l);
        }
      }
      z += Math.exp(j * bonds / (KB * t));
    }
    return Math.log(z);
  }

  private static int spin(int m, int x, int y, int l) {
    return (m >> (x * l + y) & 1) == 1 ? 1 : -1;
  }

  @Test
  void kaufmanFormulaMatchesBruteForce() {
    for (int l : new int[] {3, 4}) {
      for (double t = 20; t <= 2000; t += 90) {
        double k = 0.01 / (KB * t);
        assertEquals(bruteForceLnZ(l, t), Kaufman.lnZ(l, l, k), 1e-12, "L=" + l + " T=" + t);
      }
    }
  }

  @Test
  void isingPartitionFunctionsEqualKaufman() {
    for (int l : new int[] {4, 5}) {
      Supercell cell = Systems.square(l, "A, B");
      SupercellEnergy e = TestModels.ising(cell);
      ChunkPlan plan = ChunkPlan.of(ArrangementSpace.allCompositions(cell), 1 << 20);
      EnumerationResult full = run(plan, e, false, 50, 2);
      EnumerationResult distinct = l == 4 ? run(plan, e, true, 50, 2) : null;
      OccupancyKey keys = OccupancyKey.of(cell);
      long total = 0;
      for (int s = 0; s < plan.spaces().size(); s++) {
        total += full.weight(s);
        if (distinct != null) {
          assertEquals(full.weight(s), distinct.weight(s));
        }
      }
      assertEquals(1L << (l * l), total);
      for (double t = 50; t <= 2000; t += 50) {
        double exact = Kaufman.lnZ(l, l, 0.01 / (KB * t));
        double lnZ = totalLnZ(full, keys, t);
        assertEquals(exact, lnZ, 1e-10 * Math.abs(exact), "L=" + l + " T=" + t);
        if (distinct != null) {
          assertEquals(lnZ, totalLnZ(distinct, keys, t), 1e-12 * Math.abs(lnZ));
        }
      }
    }
  }

  @Test
  void spinelDistinctAndFullModesAgree() {
    Supercell cell = Systems.spinel("conventional", "1x1x1");
    SupercellEnergy e = TestModels.spinel(cell, 7);
    List<ArrangementSpace> spaces = List.of(ArrangementSpace.of(Composition.parse("Co=5", cell)),
        ArrangementSpace.of(Composition.parse("Co=12", cell)));
    ChunkPlan plan = ChunkPlan.of(spaces, 1 << 19);
    EnumerationResult full = run(plan, e, false, 100, 2);
    EnumerationResult distinct = run(plan, e, true, 100, 2);
    OccupancyKey keys = OccupancyKey.of(cell);
    assertTrue(full.maxDrift() < 1e-9, "drift " + full.maxDrift());
    assertTrue(distinct.maxDrift() < 1e-9, "drift " + distinct.maxDrift());
    for (int s = 0; s < spaces.size(); s++) {
      assertEquals(spaces.get(s).size(), full.weight(s));
      assertEquals(spaces.get(s).size(), distinct.weight(s));
      assertEquals(full.lowest(s, 1).energy(0), distinct.lowest(s, 1).energy(0), 1e-10);
      for (double t = 100; t <= 2000; t += 100) {
        CanonicalAverages a = CanonicalAverages.of(full.dos(s), keys, t);
        CanonicalAverages b = CanonicalAverages.of(distinct.dos(s), keys, t);
        assertEquals(a.lnZ(), b.lnZ(), 1e-12 * Math.abs(a.lnZ()));
        assertEquals(a.energy(), b.energy(), 1e-10);
        assertEquals(a.variance(), b.variance(), 1e-9 * a.variance() + 1e-15);
        for (int l = 0; l < 2; l++) {
          assertArrayEquals(a.occupancy()[l], b.occupancy()[l], 1e-10);
        }
        double total = a.occupancy()[0][0] + a.occupancy()[1][0];
        assertEquals(spaces.get(s).counts()[0], total, 1e-9);
      }
    }
  }

  @Test
  void shardedAndResumedRunsEqualOneRunExactly() {
    Supercell cell = Systems.spinel("conventional", "1x1x1");
    SupercellEnergy e = TestModels.spinel(cell, 3);
    ChunkPlan plan = ChunkPlan.of(List.of(ArrangementSpace.of(Composition.parse("Co=4", cell)),
        ArrangementSpace.of(Composition.parse("Co=6", cell))), 1 << 13);
    for (boolean distinct : new boolean[] {false, true}) {
      EnumerationResult one = run(plan, e, distinct, 100, 2);
      EnumerationResult merged = EnumerationResult.of(plan, one.binWidth());
      List<Integer> seen = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        List<ChunkPlan.Chunk> shard = plan.shard(i, 3);
        shard.forEach(c -> seen.add(c.index()));
        merged.add(run(plan, e, distinct, 100, 1, shard));
      }
      assertEquals(plan.chunks().stream().map(ChunkPlan.Chunk::index).toList(), seen);
      assertSameValues(one, merged);

      EnumerationResult killed = EnumerationResult.of(plan, one.binWidth());
      int[] taken = {0};
      double w = one.binWidth();
      assertThrows(IllegalStateException.class, () -> Enumerator.of(plan, e, distinct, w, 3)
          .run(plan.chunks(), 2, r -> {
            if (taken[0]++ == 5) {
              throw new IllegalStateException("killed");
            }
            killed.add(r);
          }, new LongAdder()));
      assertEquals(5, killed.chunkCount());
      List<ChunkPlan.Chunk> rest = killed.missing(plan.chunks());
      killed.add(run(plan, e, distinct, 100, 2, rest));
      assertSameValues(one, killed);
    }
  }

  static void assertSameValues(EnumerationResult a, EnumerationResult b) {
    OccupancyKey keys = OccupancyKey.of(a.plan().spaces().get(0).supercell());
    for (int s = 0; s < a.plan().spaces().size(); s++) {
      assertTrue(b.isComplete(s));
      assertEquals(a.weight(s), b.weight(s));
      assertEquals(a.visited(s), b.visited(s));
      for (double t : new double[] {100, 300, 1000}) {
        CanonicalAverages x = CanonicalAverages.of(a.dos(s), keys, t);
        CanonicalAverages y = CanonicalAverages.of(b.dos(s), keys, t);
        assertEquals(x.lnZ(), y.lnZ());
        assertEquals(x.energy(), y.energy());
        assertEquals(x.variance(), y.variance());
        assertTrue(java.util.Arrays.deepEquals(x.occupancy(), y.occupancy()));
      }
      LowestArrangements la = a.lowest(s, 3);
      LowestArrangements lb = b.lowest(s, 3);
      for (int i = 0; i < 3; i++) {
        assertEquals(la.energy(i), lb.energy(i));
        assertEquals(la.rank(i), lb.rank(i));
      }
    }
  }

  @Test
  void highAndLowTemperatureLimits() {
    Supercell cell = Systems.spinel("conventional", "1x1x1");
    SupercellEnergy e = TestModels.spinel(cell, 11);
    ArrangementSpace space = ArrangementSpace.of(Composition.parse("Co=4", cell));
    ChunkPlan plan = ChunkPlan.of(List.of(space), 1 << 20);
    EnumerationResult r = run(plan, e, true, 2, 1);
    OccupancyKey keys = OccupancyKey.of(cell);
    CanonicalAverages hot = CanonicalAverages.of(r.dos(0), keys, 1e8);
    assertEquals(Math.log(space.size()), hot.entropy() / KB, 1e-6);
    double ground = r.lowest(0, 1).energy(0);
    CanonicalAverages cold = CanonicalAverages.of(r.dos(0), keys, 2);
    assertEquals(ground, cold.energy(), 1e-9);
    assertTrue(cold.heatCapacity() < 1e-12);
  }
}
