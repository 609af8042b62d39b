package org.ordex.potentials.mtp;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Every neighbour of every atom within a cutoff (strictly r &lt; cutoff), periodic images
 * included, for Cartesian positions kept exactly as given (never wrapped) and cell rows of
 * which a zero row marks a non-periodic direction (MLIP's convention). An atom's own images
 * are neighbours; several images of one atom may be. Stored flat: the neighbours of atom i
 * are entries {@code start[i]} … {@code start[i+1]−1}. Immutable after construction.
 */
final class Neighbourhoods {
  final int[] start;
  final int[] atom;
  final double[] vec;
  final double[] dist;

  private Neighbourhoods(int[] start, int[] atom, double[] vec, double[] dist) {
    this.start = start;
    this.atom = atom;
    this.vec = vec;
    this.dist = dist;
  }

  static Neighbourhoods build(double[][] cart, double[][] rows, double cutoff) {
    int n = cart.length;
    int[] range = imageRanges(cart, rows, cutoff);
    int[] start = new int[n + 1];
    IntArrayList atoms = new IntArrayList();
    DoubleArrayList vecs = new DoubleArrayList();
    DoubleArrayList dists = new DoubleArrayList();
    double[] shift = new double[3];
    for (int i = 0; i < n; i++) {
      start[i] = atoms.size();
      for (int a = -range[0]; a <= range[0]; a++) {
        for (int b = -range[1]; b <= range[1]; b++) {
          for (int c = -range[2]; c <= range[2]; c++) {
            for (int k = 0; k < 3; k++) {
              shift[k] = a * rows[0][k] + b * rows[1][k] + c * rows[2][k];
            }
            boolean home = a == 0 && b == 0 && c == 0;
            for (int j = 0; j < n; j++) {
              if (home && j == i) {
                continue;
              }
              double dx = (cart[j][0] + shift[0]) - cart[i][0];
              double dy = (cart[j][1] + shift[1]) - cart[i][1];
              double dz = (cart[j][2] + shift[2]) - cart[i][2];
              double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
              if (d < cutoff) {
                atoms.add(j);
                vecs.add(dx);
                vecs.add(dy);
                vecs.add(dz);
                dists.add(d);
              }
            }
          }
        }
      }
    }
    start[n] = atoms.size();
    return new Neighbourhoods(start, atoms.toIntArray(), vecs.toDoubleArray(),
        dists.toDoubleArray());
  }

  /**
   * How many images along each periodic row can hold a neighbour: with b_k the dual vectors
   * of the periodic rows (in their span), |n_k| ≤ |b_k|·cutoff + the atoms' spread along b_k.
   */
  private static int[] imageRanges(double[][] cart, double[][] rows, double cutoff) {
    int[] periodic = new int[3];
    int p = 0;
    for (int k = 0; k < 3; k++) {
      if (rows[k][0] != 0 || rows[k][1] != 0 || rows[k][2] != 0) {
        periodic[p++] = k;
      }
    }
    double[][] gram = new double[p][p];
    for (int u = 0; u < p; u++) {
      for (int v = 0; v < p; v++) {
        gram[u][v] = dot(rows[periodic[u]], rows[periodic[v]]);
      }
    }
    double[][] inv = invert(gram);
    int[] range = new int[3];
    for (int u = 0; u < p; u++) {
      double[] dual = new double[3];
      for (int v = 0; v < p; v++) {
        for (int c = 0; c < 3; c++) {
          dual[c] += inv[u][v] * rows[periodic[v]][c];
        }
      }
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (double[] r : cart) {
        double f = dot(dual, r);
        lo = Math.min(lo, f);
        hi = Math.max(hi, f);
      }
      double spread = cart.length == 0 ? 0 : hi - lo;
      range[periodic[u]] = (int) Math.ceil(Math.sqrt(dot(dual, dual)) * cutoff + spread);
    }
    return range;
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  /** Inverse of a 0×0 to 3×3 Gram matrix (adjugate / determinant). */
  private static double[][] invert(double[][] g) {
    int n = g.length;
    double[][] inv = new double[n][n];
    if (n == 1) {
      inv[0][0] = 1 / g[0][0];
    } else if (n == 2) {
      double det = g[0][0] * g[1][1] - g[0][1] * g[1][0];
      inv[0][0] = g[1][1] / det;
      inv[1][1] = g[0][0] / det;
      inv[0][1] = -g[0][1] / det;
      inv[1][0] = -g[1][0] / det;
    } else if (n == 3) {
      double det = g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1])
          - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0])
          + g[0][2] * (g[1][0] * g[2][1] - g[1][1] * g[2][0]);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          int i1 = (j + 1) % 3;
          int i2 = (j + 2) % 3;
          int j1 = (i + 1) % 3;
          int j2 = (i + 2) % 3;
          inv[i][j] = (g[i1][j1] * g[i2][j2] - g[i1][j2] * g[i2][j1]) / det;
        }
      }
    }
    return inv;
  }

  int atoms() {
    return start.length - 1;
  }

  /** Largest number of neighbours of one atom. */
  int maxCount() {
    int m = 0;
    for (int i = 0; i + 1 < start.length; i++) {
      m = Math.max(m, start[i + 1] - start[i]);
    }
    return m;
  }

  /** Shortest distance between two atoms (or an atom and its image), +∞ when none. */
  double minDistance() {
    double m = Double.POSITIVE_INFINITY;
    for (double d : dist) {
      m = Math.min(m, d);
    }
    return m;
  }
}
