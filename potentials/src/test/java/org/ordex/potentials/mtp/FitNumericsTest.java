package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The accumulated least squares and L-BFGS against direct solutions. */
class FitNumericsTest {
  @Test
  void accumulatedLeastSquaresEqualsTheNormalEquationsSolution() {
    SplittableRandom rnd = new SplittableRandom(4);
    int p = 7;
    int n = 60;
    double[][] a = new double[n][p];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p - 1; j++) {
        a[i][j] = rnd.nextDouble(-1, 1) * Math.pow(10, j);
      }
      y[i] = rnd.nextDouble(-1, 1);
      w[i] = rnd.nextDouble(0.1, 2);
    }
    double[] ridge = new double[p];
    for (int j = 0; j < p; j++) {
      ridge[j] = j == p - 1 ? 0 : 1e-3 * j;
    }
    // three shards merged, the last column without data
    LeastSquares all = new LeastSquares(p);
    for (int s = 0; s < 3; s++) {
      LeastSquares part = new LeastSquares(p);
      for (int i = s * 20; i < s * 20 + 20; i++) {
        part.add(a[i], 0, 1, p, 0, y[i], w[i]);
      }
      all.merge(part);
    }
    double[] theta = all.solve(ridge);
    DMatrixRMaj m = new DMatrixRMaj(p - 1, p - 1);
    DMatrixRMaj b = new DMatrixRMaj(p - 1, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p - 1; j++) {
        b.data[j] += w[i] * a[i][j] * y[i];
        for (int k = 0; k < p - 1; k++) {
          m.data[j * (p - 1) + k] += w[i] * a[i][j] * a[i][k];
        }
      }
    }
    for (int j = 0; j < p - 1; j++) {
      m.data[j * (p - 1) + j] += ridge[j];
    }
    DMatrixRMaj x = new DMatrixRMaj(p - 1, 1);
    assertTrue(CommonOps_DDRM.solve(m, b, x));
    for (int j = 0; j < p - 1; j++) {
      assertEquals(x.data[j], theta[j], 1e-9 * Math.abs(x.data[j]) + 1e-14, "θ" + j);
    }
    assertEquals(0, theta[p - 1]);
    double[] norms = all.columnNormsSquared();
    double n0 = 0;
    for (int i = 0; i < n; i++) {
      n0 += w[i] * a[i][0] * a[i][0];
    }
    assertEquals(n0, norms[0], 1e-12 * n0);
  }

  @Test
  void lbfgsFindsTheRosenbrockMinimum() {
    Lbfgs.Objective rosen = (x, g) -> {
      double v = 0;
      java.util.Arrays.fill(g, 0);
      for (int i = 0; i + 1 < x.length; i++) {
        double t = x[i + 1] - x[i] * x[i];
        double u = 1 - x[i];
        v += 100 * t * t + u * u;
        g[i] += -400 * t * x[i] - 2 * u;
        g[i + 1] += 200 * t;
      }
      return v;
    };
    Lbfgs run = new Lbfgs(rosen, new double[] {-1.2, 1, -1.2, 1}, 7, 0.1);
    while (run.iterations() < 500 && run.iterate()) {
      // iterate to the end
    }
    assertArrayEquals(new double[] {1, 1, 1, 1}, run.x(), 1e-6);
    assertTrue(run.iterations() < 200, "iterations " + run.iterations());
  }
}
