package org.ordex.potentials.mtp;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A linear least-squares problem min Σ_rows (a·θ − y)² accumulated row by row without
 * storing the rows: the upper-triangular factor R of the QR decomposition of [A | y] absorbs
 * each block of new rows by Householder reflections (which touch only R's diagonal row and
 * the new rows), and factors of separate row sets merge the same way (tall-skinny QR), so
 * shards computed in parallel give one problem. The small final problem [R; ridge rows √γ_k
 * e_k] is solved by EJML's QR least squares; a coefficient whose column holds no data gets 0.
 * QR keeps the accuracy that normal equations (which square the condition number) lose on
 * the strongly collinear MTP basis.
 */
final class LeastSquares {
  private final int unknowns;
  private final int width;
  private final double[] r;
  private final double[] pending;
  private final int capacity;
  private int rows;

  /** A problem with {@code unknowns} coefficients and no rows yet. */
  LeastSquares(int unknowns) {
    this.unknowns = unknowns;
    this.width = unknowns + 1;
    this.r = new double[width * width];
    this.capacity = 2 * width;
    this.pending = new double[capacity * width];
  }

  /**
   * Adds the row √w·(coeffs[from + c·stride] for c &lt; len, placed at columns column …
   * column + len − 1, zero elsewhere) with target √w·y.
   */
  void add(double[] coeffs, int from, int stride, int len, int column, double y,
      double weight) {
    if (rows == capacity) {
      fold();
    }
    double sw = Math.sqrt(weight);
    for (int c = 0; c < column; c++) {
      pending[c * capacity + rows] = 0;
    }
    for (int c = 0; c < len; c++) {
      pending[(column + c) * capacity + rows] = sw * coeffs[from + c * stride];
    }
    for (int c = column + len; c < unknowns; c++) {
      pending[c * capacity + rows] = 0;
    }
    pending[unknowns * capacity + rows] = sw * y;
    rows++;
  }

  /** Adds every row of another problem's factor (merging two row sets). */
  void merge(LeastSquares other) {
    other.fold();
    for (int i = 0; i < width; i++) {
      if (rows == capacity) {
        fold();
      }
      for (int c = 0; c < width; c++) {
        pending[c * capacity + rows] = other.r[i * width + c];
      }
      rows++;
    }
  }

  /**
   * Folds the pending rows B (stored by column) into R: R ← the triangle of QR([R; B]), by
   * one Householder reflection per column that touches only R's row j and B.
   */
  private void fold() {
    int m = rows;
    double[] b = pending;
    for (int j = 0; j < width; j++) {
      int bj = j * capacity;
      double rjj = r[j * width + j];
      double norm = rjj * rjj + dot(b, bj, b, bj, m);
      if (norm == 0) {
        continue;
      }
      double beta = rjj > 0 ? -Math.sqrt(norm) : Math.sqrt(norm);
      double v0 = rjj - beta;
      double tau = -v0 / beta;
      double inv = 1 / v0;
      for (int i = 0; i < m; i++) {
        b[bj + i] *= inv;
      }
      r[j * width + j] = beta;
      for (int k = j + 1; k < width; k++) {
        int bk = k * capacity;
        double sum = tau * (r[j * width + k] + dot(b, bj, b, bk, m));
        r[j * width + k] -= sum;
        for (int i = 0; i < m; i++) {
          b[bk + i] -= sum * b[bj + i];
        }
      }
    }
    rows = 0;
  }

  private static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }

  /**
   * The Gram matrix of the columns from {@code first} on after the earlier columns are
   * projected out: R₂ᵀR₂ with R₂ the trailing block of R (the Schur complement of AᵀA).
   */
  double[][] trailingGram(int first) {
    fold();
    int n = unknowns - first;
    double[][] g = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = a; b < n; b++) {
        double sum = 0;
        for (int i = first; i <= first + Math.min(a, b); i++) {
          sum += r[i * width + first + a] * r[i * width + first + b];
        }
        g[a][b] = sum;
        g[b][a] = sum;
      }
    }
    return g;
  }

  /** The squared norm of each coefficient's column of A. */
  double[] columnNormsSquared() {
    fold();
    double[] d = new double[unknowns];
    for (int c = 0; c < unknowns; c++) {
      for (int i = 0; i <= c; i++) {
        double x = r[i * width + c];
        d[c] += x * x;
      }
    }
    return d;
  }

  /** The coefficients minimising Σ_rows (a·θ − y)² + Σ_k ridge[k]·θ_k². */
  double[] solve(double[] ridge) {
    double[] norms = columnNormsSquared();
    int[] keep = new int[unknowns];
    int p = 0;
    for (int c = 0; c < unknowns; c++) {
      if (norms[c] > 0 || ridge[c] > 0) {
        keep[p++] = c;
      }
    }
    double[] theta = new double[unknowns];
    if (p == 0) {
      return theta;
    }
    DMatrixRMaj a = new DMatrixRMaj(width + p, p);
    DMatrixRMaj y = new DMatrixRMaj(width + p, 1);
    for (int i = 0; i < width; i++) {
      for (int q = 0; q < p; q++) {
        a.data[i * p + q] = r[i * width + keep[q]];
      }
      y.data[i] = r[i * width + unknowns];
    }
    for (int q = 0; q < p; q++) {
      a.data[(width + q) * p + q] = Math.sqrt(ridge[keep[q]]);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(width + p, p);
    if (!solver.setA(a)) {
      throw new IllegalStateException("the linear least-squares problem is singular");
    }
    DMatrixRMaj x = new DMatrixRMaj(p, 1);
    solver.solve(y, x);
    for (int q = 0; q < p; q++) {
      theta[keep[q]] = x.data[q];
    }
    return theta;
  }
}
