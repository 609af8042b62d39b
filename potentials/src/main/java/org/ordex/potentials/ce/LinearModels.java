package org.ordex.potentials.ce;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Linear least-squares solvers on centred data (the intercept is never penalised and is
 * recovered from the means): ordinary least squares (minimum-norm, through the SVD, so that
 * rank-deficient designs work) and ridge (one SVD serves every regularisation strength), both
 * with EJML; LASSO by cyclic coordinate descent. Columns are stored column-major.
 */
final class LinearModels {
  /** Relative singular-value cutoff of the pseudo-inverse. */
  static final double RCOND = 1e-10;

  private LinearModels() {}

  /** The SVD of a centred design, solving for any ridge strength (0 = least squares). */
  static final class Svd {
    private final int q;
    private final double[] s;
    private final double[] uty;
    private final DMatrixRMaj v;

    Svd(double[][] columns, double[] y) {
      this.q = columns.length;
      int n = y.length;
      DMatrixRMaj a = new DMatrixRMaj(n, q);
      for (int j = 0; j < q; j++) {
        for (int i = 0; i < n; i++) {
          a.set(i, j, columns[j][i]);
        }
      }
      SingularValueDecomposition_F64<DMatrixRMaj> svd =
          DecompositionFactory_DDRM.svd(n, q, true, true, true);
      if (!svd.decompose(a)) {
        throw new IllegalStateException("the SVD did not converge");
      }
      DMatrixRMaj u = svd.getU(null, false);
      this.v = svd.getV(null, false);
      double[] w = svd.getSingularValues();
      int k = svd.numberOfSingularValues();
      this.s = java.util.Arrays.copyOf(w, k);
      this.uty = new double[k];
      for (int c = 0; c < k; c++) {
        double t = 0;
        for (int i = 0; i < n; i++) {
          t += u.get(i, c) * y[i];
        }
        uty[c] = t;
      }
    }

    double largest() {
      double m = 0;
      for (double x : s) {
        m = Math.max(m, x);
      }
      return m;
    }

    /** Number of singular values above the cutoff. */
    int rank() {
      double cut = RCOND * largest();
      int r = 0;
      for (double x : s) {
        if (x > cut) {
          r++;
        }
      }
      return r;
    }

    /** β minimising ‖y − Xβ‖² + α‖β‖² (α = 0: the minimum-norm least-squares solution). */
    double[] solve(double alpha) {
      double cut = RCOND * largest();
      double[] beta = new double[q];
      for (int c = 0; c < s.length; c++) {
        double f;
        if (alpha == 0) {
          f = s[c] > cut ? 1 / s[c] : 0;
        } else {
          f = s[c] / (s[c] * s[c] + alpha);
        }
        double t = f * uty[c];
        for (int j = 0; j < q; j++) {
          beta[j] += v.get(j, c) * t;
        }
      }
      return beta;
    }
  }

  /**
   * LASSO: β minimising (1/2n)‖y − Xβ‖² + α‖β‖₁ by cyclic coordinate descent from
   * {@code start} (warm start; updated in place and returned), until no coefficient changes
   * the fit by more than {@code tol} (in units of y) in a sweep.
   */
  static double[] lasso(double[][] columns, double[] y, double alpha, double[] start,
      double tol) {
    int q = columns.length;
    int n = y.length;
    double[] beta = start;
    double[] norm = new double[q];
    double[] r = y.clone();
    for (int j = 0; j < q; j++) {
      double[] x = columns[j];
      double t = 0;
      for (int i = 0; i < n; i++) {
        t += x[i] * x[i];
        r[i] -= x[i] * beta[j];
      }
      norm[j] = t / n;
    }
    for (int sweep = 0; sweep < 100_000; sweep++) {
      double change = 0;
      for (int j = 0; j < q; j++) {
        if (norm[j] == 0) {
          beta[j] = 0;
          continue;
        }
        double[] x = columns[j];
        double rho = 0;
        for (int i = 0; i < n; i++) {
          rho += x[i] * r[i];
        }
        rho = rho / n + norm[j] * beta[j];
        double updated = Math.signum(rho) * Math.max(Math.abs(rho) - alpha, 0) / norm[j];
        double d = updated - beta[j];
        if (d != 0) {
          for (int i = 0; i < n; i++) {
            r[i] -= x[i] * d;
          }
          beta[j] = updated;
          change = Math.max(change, Math.abs(d) * Math.sqrt(norm[j]));
        }
      }
      if (change < tol) {
        break;
      }
    }
    return beta;
  }

  /** The smallest α at which LASSO keeps every coefficient zero: max_j |X_jᵀ y| / n. */
  static double lassoAlphaMax(double[][] columns, double[] y) {
    double m = 0;
    for (double[] x : columns) {
      double t = 0;
      for (int i = 0; i < y.length; i++) {
        t += x[i] * y[i];
      }
      m = Math.max(m, Math.abs(t) / y.length);
    }
    return m;
  }
}
