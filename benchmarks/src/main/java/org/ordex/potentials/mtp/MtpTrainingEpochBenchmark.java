package org.ordex.potentials.mtp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ordex.benchmarks.MtpSwapBenchmark;
import org.ordex.lattice.MlipCfg;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One epoch of MTP training (the loss and its gradient with respect to the radial
 * coefficients: design rows with force and stress derivatives, the least-squares solve, the
 * adjoint pass) on the shared LiTi2O4 DFT training set (108 configurations of 28 atoms,
 * energies, forces, stresses), single-threaded, for a level-{@code level} basis with random
 * radial coefficients. One operation = one atom, so 1000 configurations of 56 atoms take
 * 56 000 / score seconds per epoch on one core. It sits in the trainer's package to reach the
 * objective, which is not public API. Data from {@code ../shared/data/mtp} (override with
 * -Dordex.shared=DIR).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MtpTrainingEpochBenchmark {
  /** Atoms in A_LiTiO_level10/train_used_for_fit.cfg (checked in setup). */
  private static final int ATOMS = 108 * 28;

  @Param({"10", "16"})
  public int level;

  private FitObjective objective;
  private double[] radial;

  @Setup(Level.Trial)
  public void setUp() {
    List<MlipCfg> data =
        MlipCfg.read(MtpSwapBenchmark.data("A_LiTiO_level10/train_used_for_fit.cfg"));
    MtpPotential template = MtpLevels.template(level, 3, 1.5, 5.0, 8);
    List<FitConfiguration> cfgs = new ArrayList<>();
    int atoms = 0;
    for (int i = 0; i < data.size(); i++) {
      cfgs.add(FitConfiguration.of(data.get(i), 3, template.maxDist(), "training set", i + 1));
      atoms += data.get(i).size();
    }
    if (atoms != ATOMS) {
      throw new IllegalStateException("expected " + ATOMS + " atoms, found " + atoms);
    }
    objective = new FitObjective(template, cfgs, new FitObjective.Weights(1, 0.01, 0.001),
        MtpTrainer.RIDGE, MtpTrainer.PENALTY, null, Runtime.getRuntime().maxMemory() / 4);
    radial = MtpTrainer.randomRadial(template, new SplittableRandom(1));
  }

  /** The loss and gradient over the whole training set; one operation = one atom. */
  @Benchmark
  @OperationsPerInvocation(ATOMS)
  public double epoch() {
    return objective.evaluate(radial).value();
  }
}
