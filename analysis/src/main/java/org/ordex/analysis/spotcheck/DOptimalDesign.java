package org.ordex.analysis.spotcheck;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Sequential D-optimal design on feature vectors (cluster-expansion correlation vectors):
 * keeps M⁻¹ with M = λI + Σ x xᵀ over the rows taken so far. The grade of a candidate x is
 * its leverage xᵀ M⁻¹ x; adding x multiplies det M by (1 + grade), so the candidate of
 * largest grade is the D-optimal next choice, and a grade above 1 means x lies outside the
 * ellipsoid the training rows span (extrapolation, as the MaxVol grade γ > 1 of an MTP).
 * The ridge λ keeps M invertible while the rows span fewer directions than features; a
 * direction no row spans gives grades of order 1/λ. Rows are added by Sherman–Morrison
 * updates, O(m²) each.
 */
public final class DOptimalDesign {
  private final int dim;
  private final double[][] inverse;
  private final double[] work;

  private DOptimalDesign(int dim, double[][] inverse) {
    this.dim = dim;
    this.inverse = inverse;
    this.work = new double[dim];
  }

  /** The design of the training rows (all of length {@code dim}) with ridge {@code ridge}. */
  public static DOptimalDesign of(int dim, List<double[]> training, double ridge) {
    if (!(ridge > 0)) {
      throw new IllegalArgumentException("ridge must be positive");
    }
    DMatrixRMaj m = new DMatrixRMaj(dim, dim);
    for (int i = 0; i < dim; i++) {
      m.set(i, i, ridge);
    }
    for (double[] x : training) {
      check(x, dim);
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          m.add(i, j, x[i] * x[j]);
        }
      }
    }
    if (!CommonOps_DDRM.invert(m)) {
      throw new IllegalStateException("design matrix not invertible");
    }
    double[][] inv = new double[dim][dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        inv[i][j] = m.get(i, j);
      }
    }
    return new DOptimalDesign(dim, inv);
  }

  /** The leverage xᵀ M⁻¹ x of a feature vector. */
  public double grade(double[] x) {
    check(x, dim);
    double g = 0;
    for (int i = 0; i < dim; i++) {
      double s = 0;
      double[] row = inverse[i];
      for (int j = 0; j < dim; j++) {
        s += row[j] * x[j];
      }
      g += x[i] * s;
    }
    return g;
  }

  /** Adds a row: M ← M + x xᵀ (Sherman–Morrison update of M⁻¹). */
  public void add(double[] x) {
    check(x, dim);
    double[] u = work;
    for (int i = 0; i < dim; i++) {
      double s = 0;
      for (int j = 0; j < dim; j++) {
        s += inverse[i][j] * x[j];
      }
      u[i] = s;
    }
    double denominator = 1;
    for (int i = 0; i < dim; i++) {
      denominator += x[i] * u[i];
    }
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        inverse[i][j] -= u[i] * u[j] / denominator;
      }
    }
  }

  private static void check(double[] x, int dim) {
    if (x.length != dim) {
      throw new IllegalArgumentException("feature vector of length " + x.length + ", expected "
          + dim);
    }
  }
}
