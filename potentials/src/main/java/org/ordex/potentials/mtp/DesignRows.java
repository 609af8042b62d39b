package org.ordex.potentials.mtp;

import java.util.Arrays;

/**
 * The linear part of an MTP: with the radial coefficients fixed, a configuration's energy,
 * forces and PlusStress are linear in the species and moment coefficients θ. This computes
 * the rows of that map: the energy row (atoms per species, then each scalar basis function
 * summed over atoms), the force rows −∂B_k/∂x_j (3 per atom) and the PlusStress rows
 * −Σ ∂B_k/∂r ⊗ r (Voigt order). The derivatives run forward through the contraction, all
 * neighbours of an atom at once: every moment carries its gradient with respect to each
 * neighbour vector, so a product costs two short vector updates. One instance per thread.
 */
final class DesignRows {
  private final MtpKernel k;
  private final MtpKernel.Scratch s;
  /** dm[m][3e + c]: derivative of moment m with respect to component c of neighbour e. */
  private final double[][] dm;

  /** Rows for the radial coefficients of {@code kernel} (its linear ones are not used). */
  DesignRows(MtpKernel kernel) {
    this.k = kernel;
    this.s = kernel.scratch();
    this.dm = new double[kernel.momentCount][0];
  }

  /** Number of linear coefficients: species, then scalar basis functions. */
  static int unknowns(MtpKernel k) {
    return k.species + k.scalarCount;
  }

  /**
   * Fills the rows of one configuration: {@code energy} (length C + S), and when
   * {@code forces} is not null the force rows and PlusStress rows, stored by coefficient:
   * forces[sc·3n + 3j + c] is the coefficient of basis function sc in the force on atom j
   * along c, virial[sc·6 + v] its coefficient in PlusStress component v (Voigt order).
   */
  void compute(FitConfiguration cfg, double[] energy, double[] forces, double[] virial) {
    Arrays.fill(energy, 0);
    boolean derivatives = forces != null;
    int n3 = 3 * cfg.size();
    if (derivatives) {
      Arrays.fill(forces, 0, k.scalarCount * n3, 0);
      Arrays.fill(virial, 0, 6 * k.scalarCount, 0);
    }
    for (int t = 0; t < k.species; t++) {
      energy[t] = cfg.speciesCounts[t];
    }
    Neighbourhoods nb = cfg.neighbourhoods;
    for (int i = 0; i < cfg.size(); i++) {
      int first = nb.start[i];
      int last = nb.start[i + 1];
      moments(cfg, i, derivatives);
      for (int sc = 0; sc < k.scalarCount; sc++) {
        int m = k.mapping[sc];
        energy[k.species + sc] += s.moments[m];
        if (derivatives) {
          scatter(dm[m], nb, i, first, last, forces, sc * n3, virial, sc * 6);
        }
      }
    }
  }

  /**
   * Adds one basis function's site term of atom i to the force and PlusStress rows, from its
   * gradient d with respect to the neighbour vectors (r_e = x_j − x_i, so atom j gets −d and
   * atom i +d).
   */
  private static void scatter(double[] d, Neighbourhoods nb, int i, int first, int last,
      double[] forces, int fo, double[] virial, int vo) {
    double sx = 0;
    double sy = 0;
    double sz = 0;
    double vxx = 0;
    double vyy = 0;
    double vzz = 0;
    double vyz = 0;
    double vxz = 0;
    double vxy = 0;
    for (int q = first; q < last; q++) {
      int e = 3 * (q - first);
      double gx = d[e];
      double gy = d[e + 1];
      double gz = d[e + 2];
      int j = fo + 3 * nb.atom[q];
      forces[j] -= gx;
      forces[j + 1] -= gy;
      forces[j + 2] -= gz;
      sx += gx;
      sy += gy;
      sz += gz;
      double x = nb.vec[3 * q];
      double y = nb.vec[3 * q + 1];
      double z = nb.vec[3 * q + 2];
      vxx += gx * x;
      vyy += gy * y;
      vzz += gz * z;
      vyz += gy * z;
      vxz += gx * z;
      vxy += gx * y;
    }
    forces[fo + 3 * i] += sx;
    forces[fo + 3 * i + 1] += sy;
    forces[fo + 3 * i + 2] += sz;
    virial[vo] -= vxx;
    virial[vo + 1] -= vyy;
    virial[vo + 2] -= vzz;
    virial[vo + 3] -= vyz;
    virial[vo + 4] -= vxz;
    virial[vo + 5] -= vxy;
  }

  /**
   * The moments of atom i into s.moments and, when asked, their gradients with respect to
   * each neighbour vector into dm.
   */
  private void moments(FitConfiguration cfg, int i, boolean derivatives) {
    Neighbourhoods nb = cfg.neighbourhoods;
    int first = nb.start[i];
    int count = nb.start[i + 1] - first;
    int stride = 3 * count;
    double[] m = s.moments;
    Arrays.fill(m, 0);
    if (derivatives) {
      if (dm[0].length < stride) {
        for (int mm = 0; mm < dm.length; mm++) {
          dm[mm] = new double[stride];
        }
      }
      for (int mm = k.basicCount; mm < dm.length; mm++) {
        Arrays.fill(dm[mm], 0, stride, 0);
      }
    }
    int tc = cfg.types[i];
    for (int e = 0; e < count; e++) {
      int q = first + e;
      double x = nb.vec[3 * q];
      double y = nb.vec[3 * q + 1];
      double z = nb.vec[3 * q + 2];
      double r = nb.dist[q];
      k.radialBasis(r, s);
      k.radialFunctions(tc, cfg.types[nb.atom[q]], s, derivatives);
      k.angular(x, y, z, r, s);
      for (int b = 0; b < k.basicCount; b++) {
        double f = s.radial[k.mu[b]];
        double yb = s.ang[b];
        m[b] += f * yb;
        if (derivatives) {
          double g = s.radialDer[k.mu[b]] * yb / r;
          double[] d = dm[b];
          d[3 * e] = g * x + f * s.angGrad[3 * b];
          d[3 * e + 1] = g * y + f * s.angGrad[3 * b + 1];
          d[3 * e + 2] = g * z + f * s.angGrad[3 * b + 2];
        }
      }
    }
    for (int t = 0; t < k.target.length; t++) {
      int l = k.left[t];
      int rr = k.right[t];
      int tg = k.target[t];
      double mult = k.mult[t];
      m[tg] += mult * m[l] * m[rr];
      if (derivatives) {
        axpy2(mult * m[rr], dm[l], mult * m[l], dm[rr], dm[tg], stride);
      }
    }
  }

  /** t[0..n) += a·x + b·y (separate arrays, so the loop vectorises). */
  private static void axpy2(double a, double[] x, double b, double[] y, double[] t, int n) {
    for (int q = 0; q < n; q++) {
      t[q] += a * x[q] + b * y[q];
    }
  }
}
