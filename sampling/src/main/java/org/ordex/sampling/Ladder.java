package org.ordex.sampling;

import org.ordex.lattice.InvalidInputException;

/** Temperature ladders for replica exchange: geometric, and retuned for equal acceptance. */
public final class Ladder {
  private Ladder() {}

  /** A geometric ladder of {@code n} temperatures from tMin to tMax (K). */
  public static double[] geometric(double tMin, double tMax, int n) {
    if (!(tMin > 0) || !(tMax > tMin) || Double.isInfinite(tMax) || n < 2) {
      throw new InvalidInputException("a geometric ladder needs 0 < Tmin < Tmax and at least two "
          + "temperatures, got " + tMin + " K, " + tMax + " K, " + n);
    }
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = tMin * Math.pow(tMax / tMin, (double) i / (n - 1));
    }
    t[0] = tMin;
    t[n - 1] = tMax;
    return t;
  }

  /**
   * One step towards equal exchange acceptance: with −ln A_k ≈ (Δβ_k)² s_k for pair k, the
   * "length" √(−ln A_k) of each interval is spread evenly along β by piecewise-linear
   * interpolation, and the inner temperatures move halfway to that target (damping); the
   * ends stay. Acceptances are clamped to [0.001, 0.999].
   *
   * @param temperatures ascending, K
   * @param acceptance per neighbouring pair
   */
  static double[] equalise(double[] temperatures, double[] acceptance) {
    int n = temperatures.length;
    double[] beta = new double[n];
    for (int k = 0; k < n; k++) {
      beta[k] = 1 / temperatures[k];
    }
    double[] length = new double[n];
    for (int k = 0; k + 1 < n; k++) {
      double a = Math.min(0.999, Math.max(0.001, acceptance[k]));
      length[k + 1] = length[k] + Math.sqrt(-Math.log(a));
    }
    double total = length[n - 1];
    double[] result = temperatures.clone();
    int k = 0;
    for (int m = 1; m + 1 < n; m++) {
      double target = total * m / (n - 1);
      while (length[k + 1] < target) {
        k++;
      }
      double f = (target - length[k]) / (length[k + 1] - length[k]);
      double b = beta[k] + f * (beta[k + 1] - beta[k]);
      result[m] = 1 / (0.5 * (beta[m] + b));
    }
    return result;
  }
}
