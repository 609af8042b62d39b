package org.ordex.enumeration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * A composition fixed on each active sublattice separately, e.g. {@code 8a:Co=2,16d:Co=10}
 * for a spinel of given inversion (the total-only form is {@link
 * org.ordex.lattice.Composition}). Counts are indexed [sublattice][species] like
 * {@link ParentLattice#sublattices()} and {@link ParentLattice#species()}. Immutable.
 */
public final class SublatticeComposition {
  private final Supercell cell;
  private final int[][] counts;

  private SublatticeComposition(Supercell cell, int[][] counts) {
    this.cell = cell;
    this.counts = counts;
  }

  /**
   * Parses {@code SUBLATTICE:SPECIES=COUNT,…}; on each active sublattice one species may be
   * left out (it fills the remaining sites).
   */
  public static SublatticeComposition parse(String spec, Supercell cell) {
    ParentLattice parent = cell.parent();
    String option = "composition '" + spec + "'";
    Map<String, Integer> given = new LinkedHashMap<>();
    for (String token : spec.split(",")) {
      String t = token.trim();
      int eq = t.indexOf('=');
      int colon = t.indexOf(':');
      if (colon <= 0 || eq <= colon + 1) {
        throw new InvalidInputException(option + ": expected SUBLATTICE:SPECIES=COUNT pairs "
            + "such as 8a:Co=2, found '" + t + "'");
      }
      String key = t.substring(0, colon).trim() + ":" + t.substring(colon + 1, eq).trim();
      int n;
      try {
        n = Integer.parseInt(t.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(option + ": '" + t.substring(eq + 1).trim()
            + "' is not a whole number");
      }
      if (n < 0) {
        throw new InvalidInputException(option + ": negative count for " + key);
      }
      if (given.put(key, n) != null) {
        throw new InvalidInputException(option + ": " + key + " is given twice");
      }
    }
    int[][] counts = new int[parent.sublattices().size()][parent.species().size()];
    boolean[][] set = new boolean[counts.length][counts[0].length];
    List<Sublattice> active = parent.sublattices().stream().filter(Sublattice::isActive).toList();
    for (Map.Entry<String, Integer> e : given.entrySet()) {
      String[] p = e.getKey().split(":");
      Sublattice sub = active.stream().filter(x -> x.label().equals(p[0])).findFirst()
          .orElseThrow(() -> new InvalidInputException(option + ": '" + p[0] + "' is not an "
              + "active sublattice (" + String.join(", ", active.stream().map(Sublattice::label)
                  .toList()) + ")"));
      int s = parent.speciesIndex(p[1]);
      if (s < 0 || !sub.allows(s)) {
        throw new InvalidInputException(option + ": species " + p[1] + " is not allowed on "
            + sub.label() + " (allowed: " + sub.allowedNames(parent.species()) + ")");
      }
      counts[sub.index()][s] = e.getValue();
      set[sub.index()][s] = true;
    }
    for (Sublattice sub : active) {
      fill(option, sub, counts[sub.index()], set[sub.index()], sites(cell, sub));
    }
    return new SublatticeComposition(cell, counts);
  }

  /** Gives the one species left out the remaining sites and checks the sum. */
  private static void fill(String option, Sublattice sub, int[] counts, boolean[] set,
      int sites) {
    int sum = 0;
    int missing = -1;
    int unset = 0;
    for (int s : sub.allowed()) {
      if (set[s]) {
        sum += counts[s];
      } else {
        missing = s;
        unset++;
      }
    }
    if (unset == 1 && sum <= sites) {
      counts[missing] = sites - sum;
      return;
    }
    if (unset > 1 || sum != sites) {
      throw new InvalidInputException(option + ": the counts on sublattice " + sub.label()
          + " add up to " + sum + (unset > 1 ? " with " + unset + " species not given" : "")
          + "; it has " + sites + " sites in this supercell");
    }
  }

  /** Number of sites of a sublattice in the supercell. */
  static int sites(Supercell cell, Sublattice sub) {
    return sub.sites().length * cell.volumeFactor();
  }

  public Supercell supercell() {
    return cell;
  }

  /** Count of species s on sublattice l. */
  public int count(int sublattice, int species) {
    return counts[sublattice][species];
  }

  /** Total count per species over all active sites. */
  public int[] total() {
    int[] t = new int[counts[0].length];
    for (int[] row : counts) {
      for (int s = 0; s < t.length; s++) {
        t[s] += row[s];
      }
    }
    return t;
  }

  /** A label usable in file names: {@code 8a-Co2Mn6_16d-Co10Mn6}. */
  public String label() {
    ParentLattice parent = cell.parent();
    StringBuilder b = new StringBuilder();
    for (Sublattice sub : parent.sublattices()) {
      if (sub.isActive()) {
        b.append(b.length() > 0 ? "_" : "").append(sub.label()).append('-');
        for (int s : sub.allowed()) {
          b.append(parent.species().get(s)).append(counts[sub.index()][s]);
        }
      }
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SublatticeComposition c && c.cell == cell
        && Arrays.deepEquals(counts, c.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(counts);
  }
}
