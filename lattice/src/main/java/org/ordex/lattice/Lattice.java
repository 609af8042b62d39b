package org.ordex.lattice;

import java.util.Arrays;

/**
 * Three lattice vectors (rows, Å) of a periodic cell with conversions between fractional
 * and Cartesian coordinates. Fractional coordinates are row vectors: {@code r = f · M}.
 * Immutable.
 */
public final class Lattice {
  private final double[][] rows;
  private final double[][] inverse;
  private final double volume;

  private Lattice(double[][] rows) {
    this.rows = Matrix3.copy(rows);
    this.volume = Matrix3.det(this.rows);
    if (!(Math.abs(volume) > 1e-12)) {
      throw new InvalidInputException("lattice vectors are linearly dependent (cell volume "
          + volume + " Å³)");
    }
    this.inverse = Matrix3.inverse(this.rows);
  }

  /** The lattice whose vectors are the rows of {@code rows} (Å). */
  public static Lattice of(double[][] rows) {
    if (rows.length != 3 || rows[0].length != 3 || rows[1].length != 3 || rows[2].length != 3) {
      throw new IllegalArgumentException("a lattice needs a 3×3 matrix");
    }
    return new Lattice(rows);
  }

  /** An orthorhombic lattice with edges a, b, c along x, y, z. */
  public static Lattice orthorhombic(double a, double b, double c) {
    return of(new double[][] {{a, 0, 0}, {0, b, 0}, {0, 0, c}});
  }

  /** Lattice vector i (copy). */
  public double[] vector(int i) {
    return rows[i].clone();
  }

  /** Component k of lattice vector i. */
  public double get(int i, int k) {
    return rows[i][k];
  }

  /** All three vectors as rows (copy). */
  public double[][] matrix() {
    return Matrix3.copy(rows);
  }

  /** Signed cell volume (Å³); positive for a right-handed cell. */
  public double volume() {
    return volume;
  }

  /** Length of lattice vector i. */
  public double length(int i) {
    return Math.sqrt(Matrix3.dot(rows[i], rows[i]));
  }

  /** Cartesian position of fractional coordinates f. */
  public double[] toCartesian(double[] f) {
    double[] r = new double[3];
    for (int k = 0; k < 3; k++) {
      r[k] = f[0] * rows[0][k] + f[1] * rows[1][k] + f[2] * rows[2][k];
    }
    return r;
  }

  /** Fractional coordinates of Cartesian position r. */
  public double[] toFractional(double[] r) {
    double[] f = new double[3];
    for (int k = 0; k < 3; k++) {
      f[k] = r[0] * inverse[0][k] + r[1] * inverse[1][k] + r[2] * inverse[2][k];
    }
    return f;
  }

  /** Metric tensor G_ij = a_i · a_j. */
  public double[][] metric() {
    double[][] g = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        g[i][j] = Matrix3.dot(rows[i], rows[j]);
      }
    }
    return g;
  }

  /**
   * Length of reciprocal vector i without the factor 2π: the inverse of the distance between
   * lattice planes spanned by the other two vectors.
   */
  public double reciprocalLength(int i) {
    double s = 0;
    for (int k = 0; k < 3; k++) {
      s += inverse[k][i] * inverse[k][i];
    }
    return Math.sqrt(s);
  }

  /** The lattice with vectors {@code M · rows} for an integer matrix M. */
  public Lattice supercell(int[][] m) {
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        r[i][k] = m[i][0] * rows[0][k] + m[i][1] * rows[1][k] + m[i][2] * rows[2][k];
      }
    }
    return of(r);
  }

  /** The shortest Cartesian distance between fractional positions a and b under periodicity. */
  public double periodicDistance(double[] a, double[] b) {
    double[] d = new double[3];
    for (int k = 0; k < 3; k++) {
      double x = b[k] - a[k];
      d[k] = x - Math.rint(x);
    }
    double best = Double.MAX_VALUE;
    for (int i = -1; i <= 1; i++) {
      for (int j = -1; j <= 1; j++) {
        for (int l = -1; l <= 1; l++) {
          double[] r = toCartesian(new double[] {d[0] + i, d[1] + j, d[2] + l});
          best = Math.min(best, Matrix3.dot(r, r));
        }
      }
    }
    return Math.sqrt(best);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lattice l && Arrays.deepEquals(rows, l.rows);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(rows);
  }

  @Override
  public String toString() {
    return "Lattice" + Arrays.deepToString(rows);
  }
}
