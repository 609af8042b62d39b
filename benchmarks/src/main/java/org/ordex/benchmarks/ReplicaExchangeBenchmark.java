package org.ordex.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ordex.lattice.Composition;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.sampling.Ensemble;
import org.ordex.sampling.Ladder;
import org.ordex.sampling.Occupations;
import org.ordex.sampling.SamplingSettings;
import org.ordex.sampling.Simulation;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Replica exchange on 1 or 2 threads: 8 replicas of the 2×2×2 spinel supercell (192 Co/Mn
 * sites, Co96Mn96) on a geometric ladder 300–1500 K with a pairs + triplets cluster
 * expansion; one operation is one round = 10 sweeps of every replica and one exchange step
 * (15 360 trial steps), observables sampled every sweep. 2 threads should give about twice
 * the rounds per second of 1.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplicaExchangeBenchmark {
  @Param({"1", "2"})
  public int threads;

  private Simulation sim;

  @Setup(Level.Trial)
  public void setUp() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
    ParentLattice p = ParentLattice.of(c.structure(), c.labels(), Map.of("8a",
        List.of("Co", "Mn"), "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
    Supercell cell = Supercell.diagonal(p, 2, 2, 2);
    ClusterSpace space = ClusterSpace.of(p, 3.6, 3.4);
    SupercellEnergy model = ClusterExpansion.of(space,
        new double[] {0, -0.06, 0.03, 0.005, -0.004, 0.003, 0.002, -0.001, 0.001}).bind(cell);
    SiteLayout layout = SiteLayout.of(cell);
    Composition half = Composition.parse("Co=96", cell);
    SamplingSettings s = SamplingSettings.builder(new Ensemble.Canonical(),
        Ladder.geometric(300, 1500, 8), Long.MAX_VALUE / 4).replicaExchange(true)
        .exchangeInterval(10).equilibration(0).sroShells(0).threads(threads).build();
    sim = Simulation.start(model, s, rng -> Occupations.random(layout, half, rng));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sim.close();
  }

  /** One round: 10 sweeps of each of the 8 replicas, then an exchange step. */
  @Benchmark
  public void round() {
    sim.round();
  }
}
