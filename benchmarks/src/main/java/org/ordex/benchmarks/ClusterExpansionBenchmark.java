package org.ordex.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.SpaceGroup;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

/**
 * Cluster-expansion swap energy changes per second (one thread), on random pairs of sites
 * holding different species at composition 1:1, with random ECIs:
 * {@code fcc} — Cu/Au in a 10×10×10 conventional fcc cell (4000 sites), pairs to the 3rd
 * shell and nearest-neighbour triplets; {@code spinel} — Co/Mn on the 24 cation sites of the
 * 56-atom spinel cell, pairs ≤ 6 Å, triplets ≤ 4.5 Å, quadruplets ≤ 3.6 Å.
 * {@code swapDelta} only evaluates (as Monte Carlo trials do; the evaluator then keeps
 * per-site fields, see ClusterExpansionEvaluator); {@code swapTwice} applies a swap and undoes
 * it with {@code swap} alone (two applied moves per call, as enumeration steps do; no fields).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClusterExpansionBenchmark {
  private static final int PAIRS = 1 << 16;

  @Param({"fcc", "spinel"})
  public String system;

  private MoveEvaluator evaluator;
  private int[] first;
  private int[] second;
  private int next;

  @Setup
  public void setUp() {
    ParentLattice parent;
    Supercell cell;
    ClusterSpace space;
    if (system.equals("fcc")) {
      Prototype.LabelledCell c = Prototype.FCC.build(Map.of("a", 4.0), false);
      parent = ParentLattice.of(c.structure(), c.labels(), Map.of("4a", List.of("Cu", "Au")),
          SpaceGroup.DEFAULT_TOLERANCE);
      cell = Supercell.diagonal(parent, 10, 10, 10);
      space = ClusterSpace.of(parent, 5.0, 3.0);
    } else {
      Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
      parent = ParentLattice.of(c.structure(), c.labels(), Map.of("8a", List.of("Co", "Mn"),
          "16d", List.of("Co", "Mn"), "32e", List.of("O")), SpaceGroup.DEFAULT_TOLERANCE);
      cell = Supercell.diagonal(parent, 1, 1, 1);
      space = ClusterSpace.of(parent, 6.0, 4.5, 3.6);
    }
    Random random = new Random(42);
    double[] ecis = new double[space.size()];
    for (int f = 0; f < ecis.length; f++) {
      ecis[f] = 0.2 * random.nextDouble() - 0.1;
    }
    int n = cell.activeSiteCount();
    byte[] occ = new byte[n];
    for (int a = 0; a < n / 2; a++) {
      occ[a] = 1;
    }
    for (int a = n - 1; a > 0; a--) {
      int b = random.nextInt(a + 1);
      byte t = occ[a];
      occ[a] = occ[b];
      occ[b] = t;
    }
    evaluator = ClusterExpansion.of(space, ecis).bind(cell).evaluator(occ);
    first = new int[PAIRS];
    second = new int[PAIRS];
    for (int k = 0; k < PAIRS; k++) {
      int i;
      int j;
      do {
        i = random.nextInt(n);
        j = random.nextInt(n);
      } while (occ[i] == occ[j]);
      first[k] = i;
      second[k] = j;
    }
  }

  @Benchmark
  public double swapDelta() {
    int k = next++ & (PAIRS - 1);
    return evaluator.swapDelta(first[k], second[k]);
  }

  @Benchmark
  public double swapTwice() {
    int k = next++ & (PAIRS - 1);
    evaluator.swap(first[k], second[k]);
    evaluator.swap(first[k], second[k]);
    return evaluator.energy();
  }
}
