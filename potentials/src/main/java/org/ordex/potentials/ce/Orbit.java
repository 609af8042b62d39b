package org.ordex.potentials.ce;

/**
 * A set of symmetry-equivalent clusters of active sites of the parent lattice (equivalent
 * under the space group, lattice translations included). Immutable.
 */
public final class Orbit {
  private final int index;
  private final int[][][] members;
  private final double maxDistance;
  private final double radius;
  private final int multiplicity;

  Orbit(int index, int[][][] members, double maxDistance, double radius, int multiplicity) {
    this.index = index;
    this.members = members;
    this.maxDistance = maxDistance;
    this.radius = radius;
    this.multiplicity = multiplicity;
  }

  /** Position in {@link ClusterSpace#orbits()}; 0 is the empty cluster. */
  public int index() {
    return index;
  }

  /** Number of sites per cluster (0 for the empty cluster). */
  public int order() {
    return members[0].length;
  }

  /** Longest distance between two sites of a cluster (Å): what the cutoff of its order bounds. */
  public double maxDistance() {
    return maxDistance;
  }

  /** Mean distance of the sites from their centroid (Å), as icet reports a cluster's radius. */
  public double radius() {
    return radius;
  }

  /** Number of clusters of this orbit per primitive cell. */
  public int multiplicity() {
    return multiplicity;
  }

  /**
   * The representative cluster: one row {@code {p, n1, n2, n3}} per site (parent site p in
   * parent cell n), sorted, least point in the home cell (copy).
   */
  public int[][] representative() {
    return copy(members[0]);
  }

  /** Number of clusters per parent cell (multiplicity × primitive cells per parent cell). */
  int memberCount() {
    return members.length;
  }

  /**
   * Cluster m modulo translations, its points in the order induced from the representative by
   * the symmetry operation that produced it (member 0 is the representative).
   */
  int[][] member(int m) {
    return members[m];
  }

  private static int[][] copy(int[][] c) {
    int[][] y = new int[c.length][];
    for (int j = 0; j < c.length; j++) {
      y[j] = c[j].clone();
    }
    return y;
  }

  @Override
  public String toString() {
    return "Orbit[" + index + ": order " + order() + ", " + String.format("%.4f", maxDistance)
        + " Å, multiplicity " + multiplicity + "]";
  }
}
