package org.ordex.lattice;

/** Small 3×3 and 3-vector arithmetic on plain arrays, shared by the lattice code. */
public final class Matrix3 {
  private Matrix3() {}

  public static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  public static double[][] copy(double[][] m) {
    return new double[][] {m[0].clone(), m[1].clone(), m[2].clone()};
  }

  public static double det(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }

  public static long det(int[][] m) {
    return (long) m[0][0] * ((long) m[1][1] * m[2][2] - (long) m[1][2] * m[2][1])
        - (long) m[0][1] * ((long) m[1][0] * m[2][2] - (long) m[1][2] * m[2][0])
        + (long) m[0][2] * ((long) m[1][0] * m[2][1] - (long) m[1][1] * m[2][0]);
  }

  /** Adjugate of an integer matrix: {@code adj(m) · m = det(m) · I}. */
  public static long[][] adjugate(int[][] m) {
    long[][] a = new long[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        int r1 = (j + 1) % 3;
        int r2 = (j + 2) % 3;
        int c1 = (i + 1) % 3;
        int c2 = (i + 2) % 3;
        a[i][j] = (long) m[r1][c1] * m[r2][c2] - (long) m[r1][c2] * m[r2][c1];
      }
    }
    return a;
  }

  public static double[][] inverse(double[][] m) {
    double d = det(m);
    double[][] inv = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        int r1 = (j + 1) % 3;
        int r2 = (j + 2) % 3;
        int c1 = (i + 1) % 3;
        int c2 = (i + 2) % 3;
        inv[i][j] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / d;
      }
    }
    return inv;
  }

  /** The product a · b of 3×3 matrices. */
  public static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        c[i][k] = a[i][0] * b[0][k] + a[i][1] * b[1][k] + a[i][2] * b[2][k];
      }
    }
    return c;
  }

  /** Product a · b of integer matrices. */
  public static int[][] multiply(int[][] a, int[][] b) {
    int[][] c = new int[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
      }
    }
    return c;
  }

  /** m · v for an integer matrix and a column vector. */
  public static double[] multiply(int[][] m, double[] v) {
    return new double[] {
      m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
      m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
      m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]
    };
  }

  /** m · v for integer matrix and integer column vector. */
  public static int[] multiply(int[][] m, int[] v) {
    return new int[] {
      m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
      m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
      m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]
    };
  }

  public static int[][] transpose(int[][] m) {
    return new int[][] {
      {m[0][0], m[1][0], m[2][0]}, {m[0][1], m[1][1], m[2][1]}, {m[0][2], m[1][2], m[2][2]}
    };
  }

  /** Wraps each coordinate into [0, 1). */
  public static double[] wrap(double[] f) {
    double[] w = new double[3];
    for (int k = 0; k < 3; k++) {
      double x = f[k] - Math.floor(f[k]);
      w[k] = x >= 1.0 ? 0.0 : x;
    }
    return w;
  }
}
