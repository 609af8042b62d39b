package org.ordex.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.mtp.MtpEnergyModel;
import org.ordex.potentials.mtp.MtpPotential;
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
 * On-lattice Moment Tensor Potential throughput: ΔE of a random Co↔Mn swap on the 56-atom (Co,Mn)3O4 spinel cell with a
 * level-10 (trained LiTi2O4, Co→Li, Mn→Ti), level-16 (random coefficients on the level-16
 * part of the PdAg basis) or level-20 (PdAg, Co→Pd, Mn→Ag, O→third species) potential.
 * Data from {@code ../shared/data/mtp} (override with -Dordex.shared=DIR).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MtpSwapBenchmark {
  private static final int PAIRS = 1024;

  @Param({"10", "16", "20"})
  public int level;

  private MoveEvaluator evaluator;
  private int[] pairs;
  private int next;
  private Random moves;
  private int activeSites;

  /** A file of the shared MTP test data ({@code ../shared/data/mtp}, or -Dordex.shared). */
  public static Path data(String file) {
    Path p = Path.of(System.getProperty("ordex.shared", "../shared"), "data/mtp", file);
    if (!Files.exists(p)) {
      throw new IllegalStateException(p + " not found: run from the worktree root or set "
          + "-Dordex.shared");
    }
    return p;
  }

  @Setup(Level.Trial)
  public void setUp() {
    MtpPotential pdagPotential = MtpPotential.read(data("B_PdAg_level20_repuls/pot.mtp"));
    MtpPotential potential;
    MlipTypes types;
    switch (level) {
      case 10 -> {
        potential = MtpPotential.read(data("A_LiTiO_level10/pot.mtp"));
        types = MlipTypes.parse("Co,O,Mn");
      }
      case 16 -> {
        potential = random(pdagPotential.templateOfLevel(16), 16);
        types = MlipTypes.parse("Co,Mn,O");
      }
      default -> {
        potential = pdagPotential;
        types = MlipTypes.parse("Co,Mn,O");
      }
    }
    Supercell cell = spinel();
    Random rnd = new Random(42);
    byte[] occ = new byte[cell.activeSiteCount()];
    for (int a = 0; a < occ.length; a++) {
      occ[a] = (byte) (a % 2 == 0 ? 0 : 1);
    }
    evaluator = MtpEnergyModel.of(potential, types).bind(cell).evaluator(occ);
    moves = new Random(43);
    activeSites = occ.length;
    pairs = new int[2 * PAIRS];
    for (int k = 0; k < PAIRS; k++) {
      int i;
      int j;
      do {
        i = rnd.nextInt(occ.length);
        j = rnd.nextInt(occ.length);
      } while (occ[i] == occ[j]);
      pairs[2 * k] = i;
      pairs[2 * k + 1] = j;
    }
  }

  static Supercell spinel() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.4, "u", 0.2625), false);
    ParentLattice p = ParentLattice.of(c.structure(), c.labels(), Map.of("8a",
        List.of("Co", "Mn"), "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
    return Supercell.diagonal(p, 1, 1, 1);
  }

  static MtpPotential random(MtpPotential template, long seed) {
    Random rnd = new Random(seed);
    double[] radial = new double[template.radialCoeffCount()];
    for (int i = 0; i < radial.length; i++) {
      radial[i] = 0.2 * (rnd.nextDouble() - 0.5);
    }
    double[] species = new double[template.speciesCount()];
    double[] moments = new double[template.alphaScalarMoments()];
    for (int i = 0; i < moments.length; i++) {
      moments[i] = rnd.nextDouble() - 0.5;
    }
    return template.withCoefficients(radial, species, moments);
  }

  /** On-lattice swap ΔE on the 56-atom spinel; one operation = one ΔE. */
  @Benchmark
  public double swapDelta() {
    int k = next;
    next = (k + 2) & (2 * PAIRS - 1);
    return evaluator.swapDelta(pairs[k], pairs[k + 1]);
  }

  /**
   * An accepted Monte Carlo swap: ΔE of a random Co↔Mn pair of the current arrangement, then
   * applySwap with it; one operation = one ΔE plus its application.
   */
  @Benchmark
  public double acceptedSwap() {
    int i;
    int j;
    do {
      i = moves.nextInt(activeSites);
      j = moves.nextInt(activeSites);
    } while (evaluator.species(i) == evaluator.species(j));
    double d = evaluator.swapDelta(i, j);
    evaluator.applySwap(i, j, d);
    return d;
  }
}
