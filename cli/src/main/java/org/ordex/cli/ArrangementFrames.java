package org.ordex.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.Frame;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Structure;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * The arrangements of one {@link ArrangementSpace} as structure frames: the ideal structure
 * of the supercell with the arrangement's species, and in the info line its id
 * ({@code COMPOSITION-RANK}, stable between runs), composition, rank, multiplicity and the
 * species counts per sublattice. The ideal structure is built once per space.
 */
final class ArrangementFrames {
  private final ArrangementSpace space;
  private final ParentLattice parent;
  private final Structure template;
  private final String[] siteSpecies;
  private final int[] activeSite;
  private final int[] sublatticeOf;

  ArrangementFrames(ArrangementSpace space) {
    this.space = space;
    Supercell cell = space.supercell();
    this.parent = cell.parent();
    byte[] first = new byte[cell.activeSiteCount()];
    space.unrank(0, first);
    Configuration c = Configuration.of(cell, first);
    this.template = c.toStructure();
    this.siteSpecies = c.siteSpecies();
    this.activeSite = new int[first.length];
    this.sublatticeOf = new int[first.length];
    for (int a = 0; a < first.length; a++) {
      activeSite[a] = cell.activeSite(a);
      sublatticeOf[a] = parent.sublatticeOf(cell.parentSite(activeSite[a])).index();
    }
  }

  /** The id of the arrangement of rank r: e.g. {@code Co12Mn12-4711}. */
  String id(long rank) {
    return space.label() + "-" + rank;
  }

  /** The frame of one arrangement; energy NaN when not scored. */
  Frame frame(long rank, byte[] occupation, long multiplicity, double energy) {
    String[] names = siteSpecies.clone();
    int[][] counts = new int[parent.sublattices().size()][parent.species().size()];
    for (int a = 0; a < occupation.length; a++) {
      names[activeSite[a]] = parent.species().get(occupation[a]);
      counts[sublatticeOf[a]][occupation[a]]++;
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("id", id(rank));
    info.put("composition", space.label());
    info.put("rank", Long.toString(rank));
    info.put("multiplicity", Long.toString(multiplicity));
    info.put("occupancy", occupancy(counts));
    return new Frame(template.withSpecies(names), energy, null, null, info);
  }

  /** Species counts per active sublattice, e.g. {@code 8a:Co2Mn6 16d:Co10Mn6}. */
  private String occupancy(int[][] counts) {
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
