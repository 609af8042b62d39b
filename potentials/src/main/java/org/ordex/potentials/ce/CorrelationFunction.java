package org.ordex.potentials.ce;

/**
 * One entry of the correlation vector: an orbit with a decoration, the point-function index
 * n_j ≥ 1 on each site j of the representative cluster (binary sublattices have only n = 1).
 * Its correlation in a configuration is the average, over every cluster of the orbit and every
 * decoration equivalent under the cluster's own symmetry, of Π_j Θ_{n_j}(σ_j). Immutable.
 */
public final class CorrelationFunction {
  private final int index;
  private final Orbit orbit;
  private final int[][] decorations;

  CorrelationFunction(int index, Orbit orbit, int[][] decorations) {
    this.index = index;
    this.orbit = orbit;
    this.decorations = decorations;
  }

  /** Position in the correlation vector; 0 is the empty cluster (correlation 1). */
  public int index() {
    return index;
  }

  public Orbit orbit() {
    return orbit;
  }

  public int order() {
    return orbit.order();
  }

  /** Multiplicity per primitive cell (that of the orbit). */
  public int multiplicity() {
    return orbit.multiplicity();
  }

  /** The decoration on the representative's sites, lexicographically least of its class. */
  public int[] decoration() {
    return decorations[0].clone();
  }

  /** The equivalent decorations (the class averaged over), first = {@link #decoration()}. */
  int[][] decorations() {
    return decorations;
  }
}
