package org.ordex.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ordex.lattice.MlipCfg;
import org.ordex.potentials.mtp.MtpCalculator;
import org.ordex.potentials.mtp.MtpPotential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Off-lattice Moment Tensor Potential throughput: energy, forces and stress of the 31 small
 * PdAg cells (many periodic self-images) with the shared level-20 potential; one operation =
 * one atom evaluated, neighbour list included (as in {@code mlp calc-efs}). Data from
 * {@code ../shared/data/mtp} (override with -Dordex.shared=DIR).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MtpOffLatticeBenchmark {
  /** Atoms in B_PdAg_level20_repuls/in.cfg (checked in setup). */
  private static final int PDAG_ATOMS = 156;

  private MtpCalculator pdag;
  private List<MlipCfg> cells;

  @Setup(Level.Trial)
  public void setUp() {
    pdag = new MtpCalculator(MtpPotential.read(
        MtpSwapBenchmark.data("B_PdAg_level20_repuls/pot.mtp")));
    cells = MlipCfg.read(MtpSwapBenchmark.data("B_PdAg_level20_repuls/in.cfg"));
    int atoms = cells.stream().mapToInt(MlipCfg::size).sum();
    if (atoms != PDAG_ATOMS) {
      throw new IllegalStateException("expected " + PDAG_ATOMS + " atoms, found " + atoms);
    }
  }

  /** E, F, stress of all cells; one operation = one atom. */
  @Benchmark
  @OperationsPerInvocation(PDAG_ATOMS)
  public double atoms() {
    double e = 0;
    for (MlipCfg c : cells) {
      e += pdag.compute(c).energy();
    }
    return e;
  }
}
