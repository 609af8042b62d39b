package org.ordex.analysis.hull;

import java.util.List;
import org.ordex.lattice.InvalidInputException;

/**
 * Formation energies of a binary A_x B_(1−x) system relative to its end members and their
 * lower convex hull: e_f = e − x e_A − (1 − x) e_B per mixing site, with e_A and e_B the lowest
 * energies per site at x = 1 and x = 0. The hull's vertices are the ground-state line; every
 * structure's distance above the hull (0 on it) measures its stability against decomposition
 * into neighbouring ground states. Immutable.
 */
public final class FormationHull {
  /** Distance above the hull (eV per site) below which a structure counts as on the hull. */
  public static final double ON_HULL = 1e-9;

  private final List<HullEntry> entries;
  private final double referenceA;
  private final double referenceB;
  private final double[] formation;
  private final LowerHull hull;

  private FormationHull(List<HullEntry> entries, double referenceA, double referenceB,
      double[] formation, LowerHull hull) {
    this.entries = entries;
    this.referenceA = referenceA;
    this.referenceB = referenceB;
    this.formation = formation;
    this.hull = hull;
  }

  /**
   * The hull of structures of one binary system; bad input when an end member is missing
   * (names are the mixing species, used in the message).
   */
  public static FormationHull of(List<HullEntry> entries, String speciesA, String speciesB) {
    double eA = Double.POSITIVE_INFINITY;
    double eB = Double.POSITIVE_INFINITY;
    for (HullEntry e : entries) {
      if (e.x() == 1) {
        eA = Math.min(eA, e.energyPerSite());
      } else if (e.x() == 0) {
        eB = Math.min(eB, e.energyPerSite());
      }
    }
    if (eA == Double.POSITIVE_INFINITY || eB == Double.POSITIVE_INFINITY) {
      throw new InvalidInputException("formation energies need both end members: no structure "
          + "of pure " + (eA == Double.POSITIVE_INFINITY ? speciesA + " (x = 1)"
              : speciesB + " (x = 0)") + " among the " + entries.size() + " structures");
    }
    double[] x = new double[entries.size()];
    double[] f = new double[entries.size()];
    for (int i = 0; i < x.length; i++) {
      HullEntry e = entries.get(i);
      x[i] = e.x();
      f[i] = e.energyPerSite() - e.x() * eA - (1 - e.x()) * eB;
    }
    return new FormationHull(List.copyOf(entries), eA, eB, f, LowerHull.of(x, f));
  }

  public List<HullEntry> entries() {
    return entries;
  }

  /** Lowest energy per site of the pure first species (x = 1), eV. */
  public double referenceA() {
    return referenceA;
  }

  /** Lowest energy per site of the pure second species (x = 0), eV. */
  public double referenceB() {
    return referenceB;
  }

  /** Formation energy of entry i, eV per mixing site. */
  public double formation(int i) {
    return formation[i];
  }

  /** Distance of entry i above the hull, eV per mixing site (≥ 0). */
  public double aboveHull(int i) {
    return Math.max(0, formation[i] - hull.at(entries.get(i).x()));
  }

  /** Whether entry i lies on the hull (a ground state, or degenerate with one). */
  public boolean onHull(int i) {
    return aboveHull(i) <= ON_HULL;
  }

  /** The ground-state line: the hull's vertices, ascending in x. */
  public LowerHull hull() {
    return hull;
  }
}
