package org.ordex.potentials.mtp;

import java.util.Arrays;

/**
 * The gradient with respect to the radial coefficients of a weighted sum of a configuration's
 * outputs, a·E + Σ_j λ_j·F_j + Σ_ab μ_ab S_ab (S the PlusStress as a symmetric 3×3 matrix),
 * for fixed species and moment coefficients: the adjoint of a training loss once its
 * residuals are known. Since F_j = −∂E/∂x_j and S = −Σ ∂E/∂r ⊗ r, the sum equals
 * Σ_i (a·E_i − D_δ E_i), where D_δ is the derivative of a site energy along the neighbour
 * displacements δ_e = λ_neighbour − λ_i + μ·r_e; it is computed by carrying each moment's
 * directional derivative forward through the contraction and then back-propagating both.
 * One instance per thread.
 */
final class RadialAdjoint {
  private final MtpKernel k;
  private final MtpKernel.Scratch s;
  private final double[] dot;
  private final double[] bar;
  private final double[] dotBar;
  private final double[] w;
  private final double[] v;
  /** Per neighbour of the current atom: Y_b, ∇Y_b·δ, T_ξ, T'_ξ, r̂·δ. */
  private double[] ang = new double[0];
  private double[] angAlong = new double[0];
  private double[] rb = new double[0];
  private double[] rbDer = new double[0];
  private double[] along = new double[0];

  /** For the coefficients of {@code kernel}, which must include the linear ones. */
  RadialAdjoint(MtpKernel kernel) {
    this.k = kernel;
    this.s = kernel.scratch();
    this.dot = new double[kernel.momentCount];
    this.bar = new double[kernel.momentCount];
    this.dotBar = new double[kernel.momentCount];
    this.w = new double[kernel.radialFuncs];
    this.v = new double[kernel.radialFuncs];
  }

  private void ensure(int neighbours) {
    if (along.length < neighbours) {
      ang = new double[neighbours * k.basicCount];
      angAlong = new double[neighbours * k.basicCount];
      rb = new double[neighbours * k.basisSize];
      rbDer = new double[neighbours * k.basisSize];
      along = new double[neighbours];
    }
  }

  /**
   * Adds the gradient of a·E + Σ λ·F + μ:S into {@code grad} from {@code offset} on (radial
   * coefficients in MLIP's order); {@code lambda} is flat x y z per atom (or null), {@code mu}
   * a symmetric 3×3 matrix (or null).
   */
  void add(FitConfiguration cfg, double a, double[] lambda, double[][] mu, double[] grad,
      int offset) {
    Neighbourhoods nb = cfg.neighbourhoods;
    double[] m = s.moments;
    int nbasic = k.basicCount;
    int nrb = k.basisSize;
    for (int i = 0; i < cfg.size(); i++) {
      int tc = cfg.types[i];
      int first = nb.start[i];
      int count = nb.start[i + 1] - first;
      ensure(count);
      Arrays.fill(m, 0);
      Arrays.fill(dot, 0);
      for (int e = 0; e < count; e++) {
        int q = first + e;
        double x = nb.vec[3 * q];
        double y = nb.vec[3 * q + 1];
        double z = nb.vec[3 * q + 2];
        double r = nb.dist[q];
        int j = nb.atom[q];
        double dx = delta(lambda, mu, i, j, 0, x, y, z);
        double dy = delta(lambda, mu, i, j, 1, x, y, z);
        double dz = delta(lambda, mu, i, j, 2, x, y, z);
        double rd = (x * dx + y * dy + z * dz) / r;
        along[e] = rd;
        k.radialBasis(r, s);
        k.radialFunctions(tc, cfg.types[j], s, true);
        k.angular(x, y, z, r, s);
        System.arraycopy(s.rb, 0, rb, e * nrb, nrb);
        System.arraycopy(s.rbDer, 0, rbDer, e * nrb, nrb);
        for (int b = 0; b < nbasic; b++) {
          double f = s.radial[k.mu[b]];
          double yb = s.ang[b];
          double ga = s.angGrad[3 * b] * dx + s.angGrad[3 * b + 1] * dy
              + s.angGrad[3 * b + 2] * dz;
          ang[e * nbasic + b] = yb;
          angAlong[e * nbasic + b] = ga;
          m[b] += f * yb;
          dot[b] += s.radialDer[k.mu[b]] * rd * yb + f * ga;
        }
      }
      for (int t = 0; t < k.target.length; t++) {
        int l = k.left[t];
        int rr = k.right[t];
        double mult = k.mult[t];
        m[k.target[t]] += mult * m[l] * m[rr];
        dot[k.target[t]] += mult * (dot[l] * m[rr] + m[l] * dot[rr]);
      }
      Arrays.fill(bar, 0);
      Arrays.fill(dotBar, 0);
      for (int sc = 0; sc < k.scalarCount; sc++) {
        bar[k.mapping[sc]] += a * k.momentCoeffs[sc];
        dotBar[k.mapping[sc]] -= k.momentCoeffs[sc];
      }
      for (int t = k.target.length - 1; t >= 0; t--) {
        int l = k.left[t];
        int rr = k.right[t];
        double mult = k.mult[t];
        double g = bar[k.target[t]];
        double gd = dotBar[k.target[t]];
        bar[l] += mult * (g * m[rr] + gd * dot[rr]);
        bar[rr] += mult * (g * m[l] + gd * dot[l]);
        dotBar[l] += mult * gd * m[rr];
        dotBar[rr] += mult * gd * m[l];
      }
      for (int e = 0; e < count; e++) {
        Arrays.fill(w, 0);
        Arrays.fill(v, 0);
        int o = e * nbasic;
        for (int b = 0; b < nbasic; b++) {
          w[k.mu[b]] += bar[b] * ang[o + b] + dotBar[b] * angAlong[o + b];
          v[k.mu[b]] += dotBar[b] * ang[o + b];
        }
        int base = offset
            + (tc * k.species + cfg.types[nb.atom[first + e]]) * k.radialFuncs * nrb;
        for (int mu0 = 0; mu0 < k.radialFuncs; mu0++) {
          double wm = w[mu0];
          double vm = v[mu0] * along[e];
          int g = base + mu0 * nrb;
          for (int x = 0; x < nrb; x++) {
            grad[g + x] += wm * rb[e * nrb + x] + vm * rbDer[e * nrb + x];
          }
        }
      }
    }
  }

  /** Component c of δ_e = λ_j − λ_i + μ·r_e. */
  private static double delta(double[] lambda, double[][] mu, int i, int j, int c, double x,
      double y, double z) {
    double d = lambda == null ? 0 : lambda[3 * j + c] - lambda[3 * i + c];
    if (mu != null) {
      d += mu[c][0] * x + mu[c][1] * y + mu[c][2] * z;
    }
    return d;
  }
}
