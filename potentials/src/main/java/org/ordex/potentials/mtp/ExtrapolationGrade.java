package org.ordex.potentials.mtp;

import java.util.List;
import org.ordex.lattice.MlipCfg;

/**
 * The extrapolation grade γ of a Moment Tensor Potential (D-optimality, Podryabinkin &amp;
 * Shapeev 2017), as MLIP-2's {@code mlp calc-grade} computes it with its defaults: each
 * configuration is represented by the gradient of its energy with respect to all
 * coefficients divided by its number of atoms; the active set is chosen from the training
 * set by maxvol (A starts as 10⁻⁵·I; selection when some |B A⁻¹| &gt; 1.1, swaps while
 * &gt; 1.0000001); γ of a configuration is max |b A⁻¹|. γ ≤ 1 means interpolation, larger values
 * mean the potential extrapolates (MLIP's usual thresholds: 2 to select, 10 to stop).
 * Immutable after construction.
 */
public final class ExtrapolationGrade {
  /** MLIP's defaults for calc-grade. */
  public static final double INIT = 1e-5;
  public static final double SELECT = 1.1;
  public static final double SWAP = 1.0000001;

  private final MtpCalculator calc;
  private final MaxVol maxVol;
  private final int swaps;

  private ExtrapolationGrade(MtpCalculator calc, MaxVol maxVol, int swaps) {
    this.calc = calc;
    this.maxVol = maxVol;
    this.swaps = swaps;
  }

  /** The active set of {@code potential} selected from a training set. */
  public static ExtrapolationGrade fromTrainingSet(MtpPotential potential,
      List<MlipCfg> training) {
    MtpCalculator calc = new MtpCalculator(potential);
    MaxVol mv = new MaxVol(new MtpKernel(potential).coefficientCount(), INIT);
    double[][] rows = new double[training.size()][];
    int[] owners = new int[rows.length];
    for (int c = 0; c < rows.length; c++) {
      rows[c] = row(calc, training.get(c));
      owners[c] = c;
    }
    int swaps = rows.length == 0 ? 0 : mv.select(rows, owners, SELECT, SWAP);
    return new ExtrapolationGrade(calc, mv, swaps);
  }

  private static double[] row(MtpCalculator calc, MlipCfg cfg) {
    double[] g = calc.energyGradient(cfg);
    int n = Math.max(1, cfg.size());
    for (int i = 0; i < g.length; i++) {
      g[i] /= n;
    }
    return g;
  }

  /** γ of one configuration (0 for a configuration without atoms). */
  public double grade(MlipCfg cfg) {
    return cfg.size() == 0 ? 0 : maxVol.grade(row(calc, cfg));
  }

  /** Number of coefficients = rows of the active-set matrix. */
  public int dimension() {
    return maxVol.owners().length;
  }

  /** Training-set index of the configuration behind each active-set row (−1: unfilled). */
  public int[] activeSet() {
    return maxVol.owners();
  }

  /** Number of distinct training configurations in the active set. */
  public int activeConfigurations() {
    return (int) java.util.Arrays.stream(maxVol.owners()).filter(o -> o >= 0).distinct()
        .count();
  }

  /** Number of maxvol swaps made while selecting the active set. */
  public int swaps() {
    return swaps;
  }
}
