package org.ordex.analysis.hull;

import java.util.Arrays;

/**
 * The lower convex hull of points (x, y) in the plane, built by Andrew's monotone chain: the
 * vertices ascending in x, one vertex per x (the lowest point there), points on a chord
 * between their neighbours dropped (within {@link #TOLERANCE} in y, so round-off does not make
 * collinear points vertices). {@link #at} interpolates the hull linearly between vertices; outside the
 * vertices' x range it is undefined. Immutable.
 */
public final class LowerHull {
  /** A point less than this (in y) below the chord of its neighbours is not a vertex. */
  public static final double TOLERANCE = 1e-9;

  private final double[] vx;
  private final double[] vy;
  private final int[] vertexIndex;

  private LowerHull(double[] vx, double[] vy, int[] vertexIndex) {
    this.vx = vx;
    this.vy = vy;
    this.vertexIndex = vertexIndex;
  }

  /** The lower hull of the points (x[i], y[i]); at least one point, all finite. */
  public static LowerHull of(double[] x, double[] y) {
    int n = x.length;
    if (n == 0 || y.length != n) {
      throw new IllegalArgumentException("need one y per x and at least one point");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("point " + i + " is not finite");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> x[a] != x[b] ? Double.compare(x[a], x[b])
        : Double.compare(y[a], y[b]));
    int[] chain = new int[n];
    int size = 0;
    for (int k = 0; k < n; k++) {
      int p = order[k];
      if (size > 0 && x[chain[size - 1]] == x[p]) {
        continue;
      }
      while (size >= 2 && cross(x, y, chain[size - 2], chain[size - 1], p)
          <= TOLERANCE * (x[p] - x[chain[size - 2]])) {
        size--;
      }
      chain[size++] = p;
    }
    double[] vx = new double[size];
    double[] vy = new double[size];
    for (int i = 0; i < size; i++) {
      vx[i] = x[chain[i]];
      vy[i] = y[chain[i]];
    }
    return new LowerHull(vx, vy, Arrays.copyOf(chain, size));
  }

  /**
   * (b − a) × (c − a): positive when a → b → c turns left (convex from below); divided by
   * x_c − x_a it is how far b lies below the chord a–c.
   */
  private static double cross(double[] x, double[] y, int a, int b, int c) {
    return (x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a]);
  }

  /** Number of vertices. */
  public int size() {
    return vx.length;
  }

  public double x(int vertex) {
    return vx[vertex];
  }

  public double y(int vertex) {
    return vy[vertex];
  }

  /** Index (into the input points) of a vertex. */
  public int pointIndex(int vertex) {
    return vertexIndex[vertex];
  }

  /** The hull's value at x, by linear interpolation; NaN outside [x(0), x(size−1)]. */
  public double at(double x) {
    int last = vx.length - 1;
    if (x < vx[0] || x > vx[last]) {
      return Double.NaN;
    }
    int i = Arrays.binarySearch(vx, x);
    if (i >= 0) {
      return vy[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double t = (x - vx[lo]) / (vx[hi] - vx[lo]);
    return vy[lo] + t * (vy[hi] - vy[lo]);
  }
}
