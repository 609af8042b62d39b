package org.ordex.analysis.spotcheck;

import java.util.HashMap;
import java.util.Map;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.SiteAssignment;
import org.ordex.lattice.Structure;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.ce.SupercellClusters;

/**
 * Maps structures onto a parent lattice: the supercell their cell is (built once per
 * matrix: its symmetry is the expensive part), the occupation of its active sites, a
 * symmetry key equal for symmetry-equivalent arrangements of the same supercell (the
 * lexicographically least image of the occupation under the supercell's operations) and,
 * with a cluster space, the correlation vector. Not thread-safe (caches).
 */
public final class ArrangementMapper {
  /** One mapped structure. */
  public record Mapped(Configuration configuration, String key, double[] correlations) {
    /** Number of atoms of each parent species on the active sites. */
    public int[] composition() {
      return configuration.composition();
    }
  }

  private final ParentLattice parent;
  private final ClusterSpace space;
  private final double tolerance;
  private final Map<String, Supercell> cells = new HashMap<>();
  private final Map<Supercell, SupercellClusters> clusters = new HashMap<>();

  /** A mapper; {@code space} may be null (no correlations); tolerance in Å. */
  public ArrangementMapper(ParentLattice parent, ClusterSpace space, double tolerance) {
    this.parent = parent;
    this.space = space;
    this.tolerance = tolerance;
  }

  public ParentLattice parent() {
    return parent;
  }

  /** Maps a structure; one off the lattice is bad input. */
  public Mapped map(Structure s) {
    int[][] m = SiteAssignment.supercellMatrix(parent, s);
    Supercell cell = cells.computeIfAbsent(java.util.Arrays.deepToString(m),
        k -> Supercell.of(parent, m));
    byte[] occ = SiteAssignment.in(cell, s, tolerance).occupation(s);
    Configuration c = Configuration.of(cell, occ);
    double[] corr = space == null ? null
        : clusters.computeIfAbsent(cell, space::clustersIn).correlations(occ);
    return new Mapped(c, key(c), corr);
  }

  /** The supercell matrix and the least image of the occupation under its operations. */
  static String key(Configuration c) {
    byte[] best = null;
    for (int[] perm : c.supercell().permutations()) {
      byte[] image = c.permuted(perm).occupation();
      if (best == null || java.util.Arrays.compare(image, best) < 0) {
        best = image;
      }
    }
    StringBuilder b = new StringBuilder(c.supercell().describe()).append(':');
    for (byte x : best) {
      b.append((char) ('0' + x));
    }
    return b.toString();
  }
}
