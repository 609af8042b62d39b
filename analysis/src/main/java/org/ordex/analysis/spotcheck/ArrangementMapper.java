package org.ordex.analysis.spotcheck;

import java.util.HashMap;
import java.util.Map;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Structure;
import org.ordex.lattice.StructureMapper;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.ce.SupercellClusters;

/**
 * Maps structures (ideal, scaled or relaxed) onto a parent lattice with a
 * {@link StructureMapper}, and adds a symmetry key equal for symmetry-equivalent arrangements
 * of the same supercell (the lexicographically least image of the occupation under the
 * supercell's operations) and, with a cluster space, the correlation vector. Not thread-safe
 * (caches).
 */
public final class ArrangementMapper {
  /** One mapped structure: its configuration, key, correlations (null without a space). */
  public record Mapped(Configuration configuration, String key, double[] correlations,
      double maxDisplacement) {
    /** Number of atoms of each parent species on the active sites. */
    public int[] composition() {
      return configuration.composition();
    }
  }

  private final ParentLattice parent;
  private final ClusterSpace space;
  private final StructureMapper mapper;
  private final Map<Supercell, SupercellClusters> clusters = new HashMap<>();

  /**
   * A mapper; {@code space} may be null (no correlations); {@code maxDisplacement} in Å (NaN:
   * the StructureMapper's default, a quarter of the shortest site distance).
   */
  public ArrangementMapper(ParentLattice parent, ClusterSpace space, double maxDisplacement) {
    this.parent = parent;
    this.space = space;
    this.mapper = StructureMapper.of(parent, maxDisplacement);
  }

  public ParentLattice parent() {
    return parent;
  }

  /** Maps a structure; one off the lattice is bad input naming {@code name}. */
  public Mapped map(Structure s, String name) {
    StructureMapper.Mapping m = mapper.map(s, name);
    Configuration c = m.configuration();
    double[] corr = space == null ? null
        : clusters.computeIfAbsent(c.supercell(), space::clustersIn).correlations(c);
    return new Mapped(c, key(c), corr, m.maxDisplacement());
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
