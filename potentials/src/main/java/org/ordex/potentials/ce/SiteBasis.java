package org.ordex.potentials.ce;

/**
 * Orthonormal point functions Θ_n(σ), n = 0…M−1, over the M species σ = 0…M−1 allowed on a
 * sublattice (σ is the position of the species in the sublattice's allowed list):
 * (1/M) Σ_σ Θ_n(σ) Θ_m(σ) = δ_nm, with Θ_0 = 1. The trigonometric set: for n ≥ 1 with
 * frequency k = ⌈n/2⌉, Θ_n(σ) = √2 cos(2πkσ/M) for odd n and √2 sin(2πkσ/M) for even n,
 * except Θ_n(σ) = cos(πσ) = (−1)^σ at the Nyquist frequency 2k = M. For a binary sublattice
 * this is the spin variable: +1 on the first allowed species, −1 on the second. Cluster
 * functions of a random alloy with equal concentrations then average to zero.
 */
public final class SiteBasis {
  private SiteBasis() {}

  /** The table Θ[n][σ] for M species (M ≥ 2). */
  public static double[][] trigonometric(int m) {
    if (m < 2) {
      throw new IllegalArgumentException("a site basis needs two or more species, got " + m);
    }
    double[][] theta = new double[m][m];
    for (int sigma = 0; sigma < m; sigma++) {
      theta[0][sigma] = 1;
      for (int n = 1; n < m; n++) {
        theta[n][sigma] = value(m, n, sigma);
      }
    }
    return theta;
  }

  private static double value(int m, int n, int sigma) {
    int k = (n + 1) / 2;
    if (2 * k == m) {
      return sigma % 2 == 0 ? 1 : -1;
    }
    double x = 2 * Math.PI * k * sigma / m;
    return Math.sqrt(2) * (n % 2 == 1 ? Math.cos(x) : Math.sin(x));
  }
}
