package org.ordex.enumeration;

/**
 * Kaufman's exact partition function of the nearest-neighbour Ising model on the periodic
 * L×L square lattice (B. Kaufman, Phys. Rev. 76, 1232 (1949)), H = −J Σ_⟨ij⟩ s_i s_j, K = βJ:
 * Z = ½ (2 sinh 2K)^{L²/2} (Z₁ + Z₂ + Z₃ + Z₄), Z₁,₂ = Π_{r<L} 2 cosh, sinh(L γ_{2r+1}/2),
 * Z₃,₄ = Π_{r<L} 2 cosh, sinh(L γ_{2r}/2), cosh γ_k = cosh 2K coth 2K − cos(πk/L) for k ≥ 1
 * and γ₀ = 2K + ln tanh K.
 */
final class Kaufman {
  private Kaufman() {}

  static double lnZ(int l, double k) {
    double z1 = 1;
    double z2 = 1;
    double z3 = 1;
    double z4 = 1;
    for (int r = 0; r < l; r++) {
      double odd = gamma(2 * r + 1, l, k);
      double even = gamma(2 * r, l, k);
      z1 *= 2 * Math.cosh(l * odd / 2);
      z2 *= 2 * Math.sinh(l * odd / 2);
      z3 *= 2 * Math.cosh(l * even / 2);
      z4 *= 2 * Math.sinh(l * even / 2);
    }
    return Math.log(0.5) + l * l / 2.0 * Math.log(2 * Math.sinh(2 * k))
        + Math.log(z1 + z2 + z3 + z4);
  }

  private static double gamma(int q, int l, double k) {
    if (q == 0) {
      return 2 * k + Math.log(Math.tanh(k));
    }
    double c = Math.cosh(2 * k) / Math.tanh(2 * k) - Math.cos(Math.PI * q / l);
    return Math.log(c + Math.sqrt(c * c - 1));
  }
}
