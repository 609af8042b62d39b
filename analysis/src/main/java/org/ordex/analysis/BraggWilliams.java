package org.ordex.analysis;

import org.ordex.potentials.Units;

/**
 * The point (Bragg–Williams) approximation with sublattice-resolved occupations: for a total
 * number N_A of A atoms, the fractions c_l of A on the active sublattices (n_l sites each,
 * Σ n_l c_l = N_A) minimise F = E(c) − T S(c), S = −k_B Σ_l n_l [c_l ln c_l + (1 − c_l)
 * ln(1 − c_l)] (Stirling). With two or more sublattices the minimum is found by sweeps of
 * one-dimensional minimisations that move A between two sublattices at a time (each a scan
 * of {@value #SCAN} points followed by golden-section refinement, so the global minimum of
 * each line is found), until F changes by less than 1e-13 relative. Immutable.
 */
public final class BraggWilliams {
  static final int SCAN = 64;
  private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

  private final MeanFieldEnergy energy;
  private final int[] sites;
  private final int total;

  /** The approximation with {@code energy} on sublattices of {@code sites[l]} sites. */
  public BraggWilliams(MeanFieldEnergy energy, int[] sites) {
    if (sites.length != energy.sublatticeCount()) {
      throw new IllegalArgumentException(sites.length + " sublattices, the energy has "
          + energy.sublatticeCount());
    }
    this.energy = energy;
    this.sites = sites.clone();
    int n = 0;
    for (int s : sites) {
      n += s;
    }
    this.total = n;
  }

  /** The mean-field state at its free-energy minimum. */
  public record State(double[] c, double energy, double entropy, double freeEnergy) {}

  /** Total number of active sites. */
  public int siteCount() {
    return total;
  }

  /** Configurational entropy S(c) (eV/K). */
  public double entropy(double[] c) {
    double s = 0;
    for (int l = 0; l < c.length; l++) {
      s -= sites[l] * (Mixing.xlnx(c[l]) + Mixing.xlnx(1 - c[l]));
    }
    return Units.KB * s;
  }

  private double free(double[] c, double t) {
    return energy.energy(c) - t * entropy(c);
  }

  /** The minimum of F over the occupations with {@code nA} A atoms (0 ≤ nA ≤ sites) at T. */
  public State minimize(double nA, double t) {
    if (nA < 0 || nA > total || !(t >= 0)) {
      throw new IllegalArgumentException("nA = " + nA + ", T = " + t);
    }
    int l = sites.length;
    double[] c = new double[l];
    java.util.Arrays.fill(c, nA / total);
    double f = free(c, t);
    for (int sweep = 0; sweep < 200 && l > 1; sweep++) {
      double before = f;
      for (int a = 0; a < l; a++) {
        for (int b = a + 1; b < l; b++) {
          f = lineMinimum(c, a, b, t);
        }
      }
      if (Math.abs(before - f) <= 1e-13 * Math.max(1, Math.abs(f))) {
        break;
      }
    }
    return new State(c, energy.energy(c), entropy(c), free(c, t));
  }

  /**
   * Moves A between sublattices a and b (δ atoms: c_a += δ/n_a, c_b −= δ/n_b) to the lowest
   * F along that line; updates c and returns F.
   */
  private double lineMinimum(double[] c, int a, int b, double t) {
    double na = sites[a];
    double nb = sites[b];
    double lo = Math.max(-c[a] * na, (c[b] - 1) * nb);
    double hi = Math.min((1 - c[a]) * na, c[b] * nb);
    double ca = c[a];
    double cb = c[b];
    java.util.function.DoubleUnaryOperator along = d -> {
      c[a] = clamp(ca + d / na);
      c[b] = clamp(cb - d / nb);
      return free(c, t);
    };
    double best = 0;
    double fBest = along.applyAsDouble(0);
    double step = (hi - lo) / SCAN;
    for (int i = 0; i <= SCAN; i++) {
      double d = lo + i * step;
      double v = along.applyAsDouble(d);
      if (v < fBest) {
        fBest = v;
        best = d;
      }
    }
    double x0 = Math.max(lo, best - step);
    double x3 = Math.min(hi, best + step);
    double x1 = x3 - GOLDEN * (x3 - x0);
    double x2 = x0 + GOLDEN * (x3 - x0);
    double f1 = along.applyAsDouble(x1);
    double f2 = along.applyAsDouble(x2);
    for (int it = 0; it < 200 && x3 - x0 > 1e-13 * (na + nb); it++) {
      if (f1 < f2) {
        x3 = x2;
        x2 = x1;
        f2 = f1;
        x1 = x3 - GOLDEN * (x3 - x0);
        f1 = along.applyAsDouble(x1);
      } else {
        x0 = x1;
        x1 = x2;
        f1 = f2;
        x2 = x0 + GOLDEN * (x3 - x0);
        f2 = along.applyAsDouble(x2);
      }
    }
    double d = f1 < f2 ? x1 : x2;
    double fd = Math.min(f1, f2);
    if (fBest < fd) {
      d = best;
      fd = fBest;
    }
    along.applyAsDouble(d);
    return fd;
  }

  private static double clamp(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
