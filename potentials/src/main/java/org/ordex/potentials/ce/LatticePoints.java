package org.ordex.potentials.ce;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Comparator;
import org.ordex.lattice.Lattice;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.SpaceGroup;
import org.ordex.lattice.SymmetryOperation;

/**
 * Lattice points of a parent lattice and the space group acting on them. A point is
 * {@code {p, n1, n2, n3}}: parent site p shifted by the parent lattice vector n; a cluster is
 * an array of points. An operation x ↦ Rx + t maps point (p, n) to (q, s_p + R n), where q is
 * the image site and s_p the lattice shift of p's image.
 */
final class LatticePoints {
  static final Comparator<int[]> ORDER = (a, b) -> Arrays.compare(a, b);

  private final ParentLattice parent;
  private final int[][][] rotation;
  private final int[][] image;
  private final int[][][] shift;

  LatticePoints(ParentLattice parent) {
    this.parent = parent;
    SpaceGroup group = parent.spaceGroup();
    int np = parent.size();
    int ng = group.size();
    rotation = new int[ng][][];
    image = new int[ng][np];
    shift = new int[ng][np][];
    for (int g = 0; g < ng; g++) {
      SymmetryOperation op = group.operations().get(g);
      rotation[g] = op.rotation();
      for (int p = 0; p < np; p++) {
        int q = group.image(g, p);
        double[] y = op.apply(parent.structure().fractional(p));
        double[] xq = parent.structure().fractional(q);
        image[g][p] = q;
        shift[g][p] = new int[] {(int) Math.round(y[0] - xq[0]), (int) Math.round(y[1] - xq[1]),
            (int) Math.round(y[2] - xq[2])};
      }
    }
  }

  int operations() {
    return rotation.length;
  }

  /** Image of a point under operation g. */
  int[] apply(int g, int[] point) {
    int[][] r = rotation[g];
    int[] s = shift[g][point[0]];
    int[] y = new int[4];
    y[0] = image[g][point[0]];
    for (int k = 0; k < 3; k++) {
      y[k + 1] = s[k] + r[k][0] * point[1] + r[k][1] * point[2] + r[k][2] * point[3];
    }
    return y;
  }

  /** Image of a cluster under operation g, point by point (same order). */
  int[][] apply(int g, int[][] cluster) {
    int[][] y = new int[cluster.length][];
    for (int j = 0; j < cluster.length; j++) {
      y[j] = apply(g, cluster[j]);
    }
    return y;
  }

  /** Fractional coordinates of parent site p in the parent cell. */
  double[] fractional(int p) {
    return parent.structure().fractional(p);
  }

  /** Cartesian position of a point (Å). */
  double[] cartesian(int[] point) {
    double[] x = parent.structure().fractional(point[0]);
    for (int k = 0; k < 3; k++) {
      x[k] += point[k + 1];
    }
    return parent.structure().lattice().toCartesian(x);
  }

  Lattice lattice() {
    return parent.structure().lattice();
  }

  static double distance(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    double dz = a[2] - b[2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** The cluster translated by −n (n = the cell part of {@code origin}), order kept. */
  static int[][] translate(int[][] cluster, int[] origin) {
    int[][] y = new int[cluster.length][];
    for (int j = 0; j < cluster.length; j++) {
      int[] p = cluster[j];
      y[j] = new int[] {p[0], p[1] - origin[1], p[2] - origin[2], p[3] - origin[3]};
    }
    return y;
  }

  /**
   * The same cluster translated so that its least point (by site, then cell) is in the home
   * cell; the order of the points is kept.
   */
  static int[][] toHomeCell(int[][] cluster) {
    int[] least = cluster[0];
    for (int[] p : cluster) {
      if (ORDER.compare(p, least) < 0) {
        least = p;
      }
    }
    return translate(cluster, least);
  }

  /**
   * Key of a cluster modulo lattice translations: its points sorted, translated so that the
   * least one is in the home cell, flattened.
   */
  static IntBuffer key(int[][] cluster) {
    int[][] sorted = toHomeCell(cluster);
    Arrays.sort(sorted, ORDER);
    int[] flat = new int[4 * sorted.length];
    for (int j = 0; j < sorted.length; j++) {
      System.arraycopy(sorted[j], 0, flat, 4 * j, 4);
    }
    return IntBuffer.wrap(flat);
  }
}
