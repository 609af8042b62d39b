package org.ordex.enumeration;

/**
 * Kaufman's exact partition function of the Ising model H = −J Σ s_i s_j on an m×n square
 * lattice with periodic boundaries (Phys. Rev. 76, 1232, 1949; as written by Beale, PRL 76,
 * 78, 1996), in log form with signed log-sum-exp so that large lattices do not overflow:
 * Z = ½ (2 sinh 2K)^{mn/2} (Z₁ + Z₂ + Z₃ + Z₄), Z₁,₂ = Π_{r<n} 2 cosh, sinh(m γ_{2r+1}/2),
 * Z₃,₄ = Π_{r<n} 2 cosh, sinh(m γ_{2r}/2), cosh γ_k = cosh 2K coth 2K − cos(πk/n) for k ≥ 1
 * and γ₀ = 2K + ln tanh K. The exact oracle of the enumeration and sampling tests (shared
 * through this module's test jar).
 */
public final class Kaufman {
  private Kaufman() {}

  /** ln Z at coupling K = J/(k_B T). */
  public static double lnZ(int m, int n, double k) {
    double[] lnAbs = new double[4];
    int[] sign = {1, 1, 1, 1};
    for (int r = 0; r < n; r++) {
      double gOdd = gamma(2 * r + 1, n, k);
      double gEven = gamma(2 * r, n, k);
      lnAbs[0] += lnTwoCosh(m * gOdd / 2);
      lnAbs[1] += lnTwoSinhAbs(m * gOdd / 2);
      lnAbs[2] += lnTwoCosh(m * gEven / 2);
      lnAbs[3] += lnTwoSinhAbs(m * gEven / 2);
      if (gOdd < 0) {
        sign[1] = -sign[1];
      }
      if (gEven < 0) {
        sign[3] = -sign[3];
      }
    }
    double max = Math.max(Math.max(lnAbs[0], lnAbs[1]), Math.max(lnAbs[2], lnAbs[3]));
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += sign[i] * Math.exp(lnAbs[i] - max);
    }
    return Math.log(0.5) + 0.5 * m * n * Math.log(2 * Math.sinh(2 * k)) + max + Math.log(sum);
  }

  private static double gamma(int q, int n, double k) {
    if (q == 0) {
      return 2 * k + Math.log(Math.tanh(k));
    }
    double c = Math.cosh(2 * k) / Math.tanh(2 * k) - Math.cos(Math.PI * q / n);
    return Math.log(c + Math.sqrt(c * c - 1));
  }

  private static double lnTwoCosh(double x) {
    double a = Math.abs(x);
    return a + Math.log1p(Math.exp(-2 * a));
  }

  private static double lnTwoSinhAbs(double x) {
    double a = Math.abs(x);
    return a + Math.log(-Math.expm1(-2 * a));
  }

  /** Mean energy per site in units of J at K = J/(k_B T): −(1/N) d lnZ/dK. */
  public static double energyPerSite(int m, int n, double k) {
    double h = 1e-5 * k;
    return -(lnZ(m, n, k + h) - lnZ(m, n, k - h)) / (2 * h) / (m * n);
  }

  /** Heat capacity per site in units of k_B at K: (K²/N) d² lnZ/dK². */
  public static double heatCapacityPerSite(int m, int n, double k) {
    double h = 1e-4 * k;
    double d2 = (lnZ(m, n, k + h) - 2 * lnZ(m, n, k) + lnZ(m, n, k - h)) / (h * h);
    return k * k * d2 / (m * n);
  }
}
