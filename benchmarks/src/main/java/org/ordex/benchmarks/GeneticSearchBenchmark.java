package org.ordex.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ordex.lattice.Composition;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.ce.CorrelationFunction;
import org.ordex.sampling.ga.FixedComposition;
import org.ordex.sampling.ga.GaSettings;
import org.ordex.sampling.ga.GeneticSearch;
import org.ordex.sampling.ga.GroundStateResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Genetic ground-state search on the spinel with a test cluster expansion (pairs to 6 Å,
 * triplets to 3.6 Å, the CE of the GA tests), at x = ½. {@code search56}: one whole search
 * of the 56-atom cell with the default settings (64 individuals, 3 restarts of at most 500
 * generations, 60 steady) — the time to a ground state. {@code budget222}: a search of the
 * 2×2×2 cell (192 cation sites) stopped after 20 000 energy evaluations; ops/s × 20 000 =
 * evaluations/s including breeding and duplicate removal modulo the 1536 symmetry
 * permutations, with {@code threads} energy threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeneticSearchBenchmark {
  @Param({"1", "2"})
  public int threads;

  private SupercellEnergy energy56;
  private FixedComposition half56;
  private SupercellEnergy energy222;
  private FixedComposition half222;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
    ParentLattice p = ParentLattice.of(c.structure(), c.labels(), Map.of("8a",
        List.of("Co", "Mn"), "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
    ClusterSpace space = ClusterSpace.of(p, 6.0, 3.6);
    Random random = new Random(3);
    double[] j = new double[space.size()];
    for (CorrelationFunction f : space.functions()) {
      if (f.order() > 0) {
        j[f.index()] = (0.2 * random.nextDouble() - 0.1) / (1 + f.orbit().radius());
      }
    }
    ClusterExpansion ce = ClusterExpansion.of(space, j);
    Supercell cell56 = Supercell.diagonal(p, 1, 1, 1);
    Supercell cell222 = Supercell.diagonal(p, 2, 2, 2);
    energy56 = ce.bind(cell56);
    energy222 = ce.bind(cell222);
    half56 = FixedComposition.of(Composition.parse("Co=12", cell56));
    half222 = FixedComposition.of(Composition.parse("Co=96", cell222));
    cell222.permutations();
  }

  @Benchmark
  public double search56() {
    GroundStateResult r = GeneticSearch.run(energy56, half56, GaSettings.builder()
        .threads(threads).seed(++seed).build(), s -> {});
    return r.best().energy();
  }

  @Benchmark
  public double budget222() {
    GroundStateResult r = GeneticSearch.run(energy222, half222, GaSettings.builder()
        .threads(threads).seed(++seed).maxEvaluations(20_000).build(), s -> {});
    return r.best().energy();
  }
}
