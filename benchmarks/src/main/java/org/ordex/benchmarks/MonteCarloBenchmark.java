package org.ordex.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ordex.lattice.Composition;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.sampling.Chain;
import org.ordex.sampling.Ensemble;
import org.ordex.sampling.Occupations;
import org.ordex.sampling.Rng;
import org.ordex.sampling.SiteLayout;
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
 * Canonical Monte Carlo trial steps per second (swap proposal from the per-species site
 * lists, incremental ΔE, Metropolis test, bookkeeping of accepted swaps) with cluster
 * expansions at x = 0.5 and 1000 K. Cases: the 2×2×2 spinel supercell (448 atoms, 192 Co/Mn
 * sites; pairs to 3.6 Å + triplets to 3.4 Å), and 10×10×10 conventional fcc (4000 sites) with
 * pairs to the 3rd shell + the nearest-neighbour triplet ({@code fcc3}: cutoffs 4.8, 2.8 Å) and
 * with icet's reference cutoffs 6.0, 4.5 Å ({@code fcc8}: 8 correlation functions). One
 * benchmark operation is one sweep; multiply ops/s by the site count for trial steps/s
 * (printed in setup). {@code deltas} times the model's swap ΔE alone for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MonteCarloBenchmark {
  @Param({"spinel", "fcc3", "fcc8"})
  public String system;

  private Chain chain;
  private MoveEvaluator evaluator;
  private int[] pairs;

  @Setup(Level.Trial)
  public void setUp() {
    Supercell cell;
    ClusterExpansion ce;
    if (system.equals("spinel")) {
      Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
      ParentLattice p = ParentLattice.of(c.structure(), c.labels(), Map.of("8a",
          List.of("Co", "Mn"), "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
      cell = Supercell.diagonal(p, 2, 2, 2);
      ce = withEcis(ClusterSpace.of(p, 3.6, 3.4));
    } else {
      Prototype.LabelledCell c = Prototype.FCC.build(Map.of("a", 3.89), false);
      ParentLattice p = ParentLattice.of(c.structure(), c.labels(),
          Map.of("4a", List.of("Cu", "Au")), 0.01);
      cell = Supercell.diagonal(p, 10, 10, 10);
      ce = withEcis(system.equals("fcc3") ? ClusterSpace.of(p, 4.8, 2.8)
          : ClusterSpace.of(p, 6.0, 4.5));
    }
    SupercellEnergy model = ce.bind(cell);
    SiteLayout layout = SiteLayout.of(cell);
    int[] counts = new int[cell.parent().species().size()];
    int[] active = layout.activeSpecies();
    counts[active[0]] = layout.sites() / 2;
    counts[active[1]] = layout.sites() - layout.sites() / 2;
    byte[] occ = Occupations.random(layout, Composition.of(cell, counts), Rng.stream(1, 0));
    chain = Chain.of(model, new Ensemble.Canonical(), occ, 1000, 7);
    evaluator = model.evaluator(occ);
    pairs = new int[2 * layout.sites()];
    Rng rng = Rng.stream(2, 0);
    for (int k = 0; k < pairs.length; k += 2) {
      do {
        pairs[k] = rng.nextInt(occ.length);
        pairs[k + 1] = rng.nextInt(occ.length);
      } while (occ[pairs[k]] == occ[pairs[k + 1]]);
    }
    for (int i = 0; i < 20; i++) {
      chain.sweep();
    }
    System.out.printf("%n%s: %d sites per sweep, %s, acceptance %.3f%n", system,
        layout.sites(), ce.describe(), (double) chain.accepted() / chain.trials());
  }

  /** ECIs of a few meV, decaying with the function index. */
  private static ClusterExpansion withEcis(ClusterSpace space) {
    double[] ecis = new double[space.size()];
    for (int f = 1; f < ecis.length; f++) {
      ecis[f] = (f % 2 == 0 ? 0.01 : -0.006) / f;
    }
    return ClusterExpansion.of(space, ecis);
  }

  /** One sweep (one trial swap per active site). */
  @Benchmark
  public int sweep() {
    return chain.sweep();
  }

  /**
   * The model alone: as many swap ΔE evaluations (of fixed random pairs holding different
   * species, not applied) as a sweep has trial steps. The ratio to {@link #sweep} is what the
   * sampler adds.
   */
  @Benchmark
  public double deltas() {
    double sum = 0;
    int[] p = pairs;
    for (int k = 0; k < p.length; k += 2) {
      sum += evaluator.swapDelta(p[k], p[k + 1]);
    }
    return sum;
  }
}
