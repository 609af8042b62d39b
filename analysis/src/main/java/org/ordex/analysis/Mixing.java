package org.ordex.analysis;

/**
 * Mixing quantities of a binary (A_x B_{1−x}) relative to its end members: ΔY(x) = Y(x) −
 * (1 − x) Y(0) − x Y(1) for any extensive Y (free energy, enthalpy, entropy), and the ideal
 * configurational entropy of mixing, −k_B [x ln x + (1 − x) ln(1 − x)] per mixing site.
 */
public final class Mixing {
  private Mixing() {}

  /**
   * ΔY at each composition; {@code x} ascending from 0 to 1 (the first and last entries are
   * the end members).
   */
  public static double[] relativeToEndMembers(double[] x, double[] y) {
    int n = x.length;
    if (n < 2 || x[0] != 0 || x[n - 1] != 1) {
      throw new IllegalArgumentException("compositions must run from x = 0 to x = 1");
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = y[i] - (1 - x[i]) * y[0] - x[i] * y[n - 1];
    }
    return d;
  }

  /** Ideal configurational entropy of mixing per site, in units of k_B. */
  public static double idealEntropy(double x) {
    return 0.0 - xlnx(x) - xlnx(1 - x); // 0.0 − …: +0 (not −0) at the end members
  }

  /** x ln x, 0 at x = 0. */
  static double xlnx(double x) {
    return x <= 0 ? 0 : x * Math.log(x);
  }
}
