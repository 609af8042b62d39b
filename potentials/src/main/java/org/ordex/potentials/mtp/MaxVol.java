package org.ordex.potentials.mtp;

/**
 * The maximal-volume algorithm of MLIP's active learning (Goreinov–Tyrtyshnikov maxvol as
 * used by Podryabinkin &amp; Shapeev 2017): an n×n matrix A, started as t·I, takes rows of a
 * candidate matrix B by swaps while some |(B A⁻¹)_ij| exceeds a threshold, each swap
 * multiplying |det A| by that element; A⁻¹ and B A⁻¹ are kept up to date by rank-one
 * (Sherman–Morrison) updates. Rows carry an owner label (a configuration index; −1 for the
 * initial rows). Mutable.
 */
final class MaxVol {
  private final int n;
  private final double[][] a;
  private final double[][] invA;
  private final int[] ownerA;

  MaxVol(int n, double init) {
    this.n = n;
    a = new double[n][n];
    invA = new double[n][n];
    ownerA = new int[n];
    for (int i = 0; i < n; i++) {
      a[i][i] = init;
      invA[i][i] = 1 / init;
      ownerA[i] = -1;
    }
  }

  /** Owner of every row of A (−1 = still the initial row). */
  int[] owners() {
    return ownerA.clone();
  }

  /** max_j |b·A⁻¹|_j for one row b. */
  double grade(double[] b) {
    double g = 0;
    for (int c = 0; c < n; c++) {
      double v = 0;
      for (int r = 0; r < n; r++) {
        v += b[r] * invA[r][c];
      }
      g = Math.max(g, Math.abs(v));
    }
    return g;
  }

  /**
   * Offers candidate rows (with owners); when the largest |(B A⁻¹)_ij| exceeds
   * {@code selectThreshold}, swaps rows into A while it exceeds {@code swapThreshold}.
   * Returns the number of swaps.
   */
  int select(double[][] rows, int[] owners, double selectThreshold, double swapThreshold) {
    int m = rows.length;
    double[][] b = new double[m][];
    for (int i = 0; i < m; i++) {
      b[i] = rows[i].clone();
    }
    int[] ownerB = owners.clone();
    double[][] bInvA = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int r = 0; r < n; r++) {
        double bir = b[i][r];
        if (bir != 0) {
          double[] inv = invA[r];
          double[] out = bInvA[i];
          for (int c = 0; c < n; c++) {
            out[c] += bir * inv[c];
          }
        }
      }
    }
    int[] at = argMax(bInvA);
    if (Math.abs(bInvA[at[0]][at[1]]) <= selectThreshold) {
      return 0;
    }
    int swaps = 0;
    double[] col = new double[Math.max(n, m)];
    double[] w = new double[n];
    while (Math.abs(bInvA[at[0]][at[1]]) > swapThreshold) {
      int i0 = at[0];
      int j0 = at[1];
      double p = bInvA[i0][j0];
      System.arraycopy(bInvA[i0], 0, w, 0, n);
      w[j0] -= 1;
      for (int r = 0; r < n; r++) {
        col[r] = invA[r][j0] / p;
      }
      for (int r = 0; r < n; r++) {
        double f = col[r];
        if (f != 0) {
          double[] row = invA[r];
          for (int c = 0; c < n; c++) {
            row[c] -= f * w[c];
          }
        }
      }
      for (int r = 0; r < m; r++) {
        col[r] = bInvA[r][j0] / p;
      }
      col[i0] += 1 / p;
      for (int r = 0; r < m; r++) {
        double f = col[r];
        if (f != 0) {
          double[] row = bInvA[r];
          for (int c = 0; c < n; c++) {
            row[c] -= f * w[c];
          }
        }
      }
      double[] t = a[j0];
      a[j0] = b[i0];
      b[i0] = t;
      int o = ownerA[j0];
      ownerA[j0] = ownerB[i0];
      ownerB[i0] = o;
      swaps++;
      at = argMax(bInvA);
    }
    return swaps;
  }

  /** Row and column of the first element of largest magnitude. */
  private int[] argMax(double[][] m) {
    int bi = 0;
    int bj = 0;
    double best = -1;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < n; j++) {
        double v = Math.abs(m[i][j]);
        if (v > best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    return new int[] {bi, bj};
  }
}
