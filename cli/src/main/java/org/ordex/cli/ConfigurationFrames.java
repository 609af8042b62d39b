package org.ordex.cli;

import java.util.Map;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.Frame;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Structure;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * Occupations of one supercell as structure frames: the ideal structure (built once) with the
 * occupation's species, and the species counts per active sublattice as text
 * ({@code 8a:Co2Mn6 16d:Co10Mn6}).
 */
final class ConfigurationFrames {
  private final ParentLattice parent;
  private final Structure template;
  private final String[] siteSpecies;
  private final int[] activeSite;
  private final int[] sublatticeOf;

  ConfigurationFrames(Supercell cell, byte[] anyOccupation) {
    this.parent = cell.parent();
    Configuration c = Configuration.of(cell, anyOccupation);
    this.template = c.toStructure();
    this.siteSpecies = c.siteSpecies();
    int n = cell.activeSiteCount();
    this.activeSite = new int[n];
    this.sublatticeOf = new int[n];
    for (int a = 0; a < n; a++) {
      activeSite[a] = cell.activeSite(a);
      sublatticeOf[a] = parent.sublatticeOf(cell.parentSite(activeSite[a])).index();
    }
  }

  /** The frame of an occupation with energy (NaN: none) and info. */
  Frame frame(byte[] occupation, double energy, Map<String, String> info) {
    String[] names = siteSpecies.clone();
    for (int a = 0; a < occupation.length; a++) {
      names[activeSite[a]] = parent.species().get(occupation[a]);
    }
    return new Frame(template.withSpecies(names), energy, null, null, info);
  }

  /** Species counts per active sublattice, e.g. {@code 8a:Co2Mn6 16d:Co10Mn6}. */
  String occupancy(byte[] occupation) {
    int[][] counts = new int[parent.sublattices().size()][parent.species().size()];
    for (int a = 0; a < occupation.length; a++) {
      counts[sublatticeOf[a]][occupation[a]]++;
    }
    StringBuilder b = new StringBuilder();
    for (Sublattice sub : parent.sublattices()) {
      if (!sub.isActive()) {
        continue;
      }
      b.append(b.length() > 0 ? " " : "").append(sub.label()).append(':');
      for (int s : sub.allowed()) {
        b.append(parent.species().get(s)).append(counts[sub.index()][s]);
      }
    }
    return b.toString();
  }
}
