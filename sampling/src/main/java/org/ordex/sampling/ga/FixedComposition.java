package org.ordex.sampling.ga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ordex.lattice.Composition;
import org.ordex.lattice.CompositionCount;
import org.ordex.lattice.ConfigurationCounter;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * The composition a genetic search keeps fixed: the active sites of a supercell split into
 * groups, each with a fixed count per allowed species. For a total composition the groups are
 * the classes of active sites with the same allowed species (spinel Co/Mn: all 24 cation
 * sites, so inversion is free); for counts per sublattice (fixed inversion) each active
 * sublattice is a group. Every operator of the search (random individuals, crossover repair,
 * swaps) stays inside the groups, so the counts hold by construction. Immutable.
 */
public final class FixedComposition {
  private final Supercell cell;
  private final String label;
  private final int[][] groupSites;
  private final byte[][] groupSpecies;
  private final int[][] groupCounts;
  private final int[] groupOf;
  private final byte[][] allowedAt;

  private FixedComposition(Supercell cell, String label, List<int[]> sites, List<int[]> species,
      List<int[]> counts) {
    this.cell = cell;
    this.label = label;
    int n = cell.activeSiteCount();
    this.groupSites = sites.toArray(new int[0][]);
    this.groupSpecies = new byte[species.size()][];
    for (int g = 0; g < groupSpecies.length; g++) {
      groupSpecies[g] = toBytes(species.get(g));
    }
    this.groupCounts = counts.toArray(new int[0][]);
    this.groupOf = new int[n];
    this.allowedAt = new byte[n][];
    for (int g = 0; g < groupSites.length; g++) {
      for (int a : groupSites[g]) {
        groupOf[a] = g;
        allowedAt[a] = groupSpecies[g];
      }
    }
  }

  /**
   * A total composition (counts per species over all active sites). Bad input when a species
   * is allowed on classes of sites with different allowed sets: then the totals do not fix
   * the counts per class, give them per sublattice instead.
   */
  public static FixedComposition of(Composition composition) {
    Supercell cell = composition.supercell();
    ParentLattice parent = cell.parent();
    int[] total = composition.counts();
    List<int[]> classes = new ArrayList<>();
    for (int a = 0; a < cell.activeSiteCount(); a++) {
      int[] allowed = allowedOf(cell, a);
      if (indexOf(classes, allowed) < 0) {
        classes.add(allowed);
      }
    }
    for (int s = 0; s < total.length; s++) {
      int holders = 0;
      for (int[] c : classes) {
        holders += contains(c, s) ? 1 : 0;
      }
      if (holders > 1) {
        throw new InvalidInputException("species " + parent.species().get(s) + " is allowed on "
            + "sublattices with different sets of species, so the composition " + composition
            + " does not fix the counts per sublattice: give them per sublattice "
            + "(SUBLATTICE:SPECIES=COUNT,…)");
      }
    }
    List<int[]> sites = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    for (int[] allowed : classes) {
      sites.add(sitesWhere(cell, a -> Arrays.equals(allowedOf(cell, a), allowed)));
      int[] c = new int[allowed.length];
      for (int k = 0; k < c.length; k++) {
        c[k] = total[allowed[k]];
      }
      counts.add(c);
    }
    return new FixedComposition(cell, composition.label(), sites, classes, counts);
  }

  /**
   * Counts per sublattice: {@code counts[sublattice][species]} (global species indices) for
   * every active sublattice of the parent; each sublattice's counts must fill its sites.
   */
  public static FixedComposition perSublattice(Supercell cell, int[][] counts, String label) {
    ParentLattice parent = cell.parent();
    List<int[]> sites = new ArrayList<>();
    List<int[]> species = new ArrayList<>();
    List<int[]> groupCounts = new ArrayList<>();
    for (Sublattice sub : parent.sublattices()) {
      if (!sub.isActive()) {
        continue;
      }
      int[] members = sitesWhere(cell, a -> parent.sublatticeOf(parentSiteOf(cell, a)) == sub);
      int[] c = new int[sub.allowed().length];
      int sum = 0;
      for (int k = 0; k < c.length; k++) {
        c[k] = counts[sub.index()][sub.allowed()[k]];
        sum += c[k];
      }
      if (sum != members.length) {
        throw new InvalidInputException("composition " + label + ": the counts on sublattice "
            + sub.label() + " add up to " + sum + ", it has " + members.length + " sites");
      }
      sites.add(members);
      species.add(sub.allowed());
      groupCounts.add(c);
    }
    return new FixedComposition(cell, label, sites, species, groupCounts);
  }

  /** Every total composition of the active sites that has arrangements, in counter order. */
  public static List<FixedComposition> all(Supercell cell) {
    List<FixedComposition> list = new ArrayList<>();
    for (CompositionCount c : ConfigurationCounter.of(cell).count()) {
      list.add(of(Composition.of(cell, c.counts())));
    }
    return list;
  }

  private static int parentSiteOf(Supercell cell, int active) {
    return cell.parentSite(cell.activeSite(active));
  }

  private static int[] allowedOf(Supercell cell, int active) {
    return cell.parent().allowed(parentSiteOf(cell, active));
  }

  private static int[] sitesWhere(Supercell cell, java.util.function.IntPredicate p) {
    return java.util.stream.IntStream.range(0, cell.activeSiteCount()).filter(p).toArray();
  }

  private static int indexOf(List<int[]> list, int[] x) {
    for (int i = 0; i < list.size(); i++) {
      if (Arrays.equals(list.get(i), x)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static byte[] toBytes(int[] a) {
    byte[] b = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = (byte) a[i];
    }
    return b;
  }

  public Supercell supercell() {
    return cell;
  }

  /** The composition as a label usable in file names, e.g. {@code Co12Mn12}. */
  public String label() {
    return label;
  }

  /** Number of active sites. */
  public int size() {
    return groupOf.length;
  }

  /** Number of active sites per global species index. */
  public int[] counts() {
    int[] total = new int[cell.parent().species().size()];
    for (int g = 0; g < groupSites.length; g++) {
      for (int k = 0; k < groupSpecies[g].length; k++) {
        total[groupSpecies[g][k]] += groupCounts[g][k];
      }
    }
    return total;
  }

  int groupCount() {
    return groupSites.length;
  }

  /** The active sites of group g, ascending (live array: read only). */
  int[] groupSites(int g) {
    return groupSites[g];
  }

  /** The species allowed in group g (live array: read only). */
  byte[] groupSpecies(int g) {
    return groupSpecies[g];
  }

  /** The fixed count of the k-th species of group g. */
  int groupCount(int g, int k) {
    return groupCounts[g][k];
  }

  /** The group of active site a. */
  int groupOf(int a) {
    return groupOf[a];
  }

  /** The species allowed on active site a (live array: read only). */
  byte[] allowedAt(int a) {
    return allowedAt[a];
  }

  /**
   * Whether the group can change at all: it holds two or more species, so a swap inside it
   * changes the arrangement.
   */
  boolean isMixed(int g) {
    int present = 0;
    for (int c : groupCounts[g]) {
      present += c > 0 ? 1 : 0;
    }
    return present > 1;
  }

  /** A uniformly random arrangement of this composition. */
  public byte[] random(RandomGenerator random) {
    byte[] occ = new byte[size()];
    for (int g = 0; g < groupSites.length; g++) {
      int[] sites = groupSites[g];
      int i = 0;
      for (int k = 0; k < groupSpecies[g].length; k++) {
        for (int c = 0; c < groupCounts[g][k]; c++) {
          occ[sites[i++]] = groupSpecies[g][k];
        }
      }
      for (int j = sites.length - 1; j > 0; j--) {
        int r = random.nextInt(j + 1);
        byte t = occ[sites[j]];
        occ[sites[j]] = occ[sites[r]];
        occ[sites[r]] = t;
      }
    }
    return occ;
  }

  /** Whether an occupation has exactly this composition in every group. */
  public boolean accepts(byte[] occupation) {
    if (occupation.length != size()) {
      return false;
    }
    for (int g = 0; g < groupSites.length; g++) {
      byte[] sp = groupSpecies[g];
      int[] seen = new int[sp.length];
      for (int a : groupSites[g]) {
        int k = indexOf(sp, occupation[a]);
        if (k < 0) {
          return false;
        }
        seen[k]++;
      }
      if (!Arrays.equals(seen, groupCounts[g])) {
        return false;
      }
    }
    return true;
  }

  /** Position of species s in the byte array, or −1. */
  static int indexOf(byte[] species, int s) {
    for (int k = 0; k < species.length; k++) {
      if (species[k] == s) {
        return k;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return label;
  }
}
