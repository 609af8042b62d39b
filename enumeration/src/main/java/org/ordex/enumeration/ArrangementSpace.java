package org.ordex.enumeration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ordex.lattice.Composition;
import org.ordex.lattice.CompositionCount;
import org.ordex.lattice.ConfigurationCounter;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * Every arrangement of one composition ({@link Composition} or {@link SublatticeComposition})
 * on the active sites of a supercell, numbered 0 … size−1 by a combinatorial rank. The active sites fall into groups whose species counts
 * are fixed: for a total composition, the sites sharing one set of allowed species (spinel:
 * all 24 cation sites); per sublattice, each active sublattice. Within a group the species
 * are placed one after another: species 1 on a subset of the group's sites, species 2 on a
 * subset of the sites left, …, the last species on the rest; each subset is a digit ranked in
 * {@link RevolvingDoor} order, and the rank is the mixed-radix number of these digits, the
 * last digit least significant. So consecutive ranks within the last digit differ by one
 * swap (for two species on one group: always). Immutable and thread-safe; the working arrays
 * of rank/unrank are the caller's.
 */
public final class ArrangementSpace {
  private final Supercell cell;
  private final String label;
  private final int[] counts;
  private final int[][] groupSites;
  private final byte[][] groupSpecies;
  /** Per digit: the number of slots, how many of them are chosen, and the subsets' count. */
  private final int[] digitSlots;
  private final int[] digitChosen;
  private final long[] digitSize;
  private final long size;
  private final Binomials binomials;

  private ArrangementSpace(Supercell cell, String label, int[] counts, Groups groups) {
    this.cell = cell;
    this.label = label;
    this.counts = counts;
    this.groupSites = groups.sites.toArray(new int[0][]);
    this.groupSpecies = groups.species.toArray(new byte[0][]);
    int[][] groupCounts = groups.counts.toArray(new int[0][]);
    this.binomials = Binomials.upTo(cell.activeSiteCount());
    List<int[]> digits = new ArrayList<>();
    for (int g = 0; g < groupSites.length; g++) {
      int left = groupSites[g].length;
      for (int l = 0; l < groupSpecies[g].length - 1; l++) {
        digits.add(new int[] {left, groupCounts[g][l]});
        left -= groupCounts[g][l];
      }
    }
    int d = digits.size();
    digitSlots = new int[d];
    digitChosen = new int[d];
    digitSize = new long[d];
    long total = 1;
    for (int i = 0; i < d; i++) {
      int[] x = digits.get(i);
      digitSlots[i] = x[0];
      digitChosen[i] = x[1];
      digitSize[i] = binomials.of(x[0], x[1]);
      if (digitSize[i] == Long.MAX_VALUE || total > Long.MAX_VALUE / digitSize[i]) {
        throw new InvalidInputException("composition " + label
            + " has more than 2^63 arrangements: too many to enumerate");
      }
      total *= digitSize[i];
    }
    this.size = total;
  }

  /**
   * The arrangements of a total composition: the groups are the classes of active sites with
   * the same allowed species, which must not share species with another class (otherwise the
   * totals do not fix the counts per class: give a {@link SublatticeComposition}).
   */
  public static ArrangementSpace of(Composition composition) {
    Supercell cell = composition.supercell();
    ParentLattice parent = cell.parent();
    int[] total = composition.counts();
    List<int[]> classes = new ArrayList<>();
    for (int a = 0; a < cell.activeSiteCount(); a++) {
      int[] allowed = parent.allowed(parentSiteOf(cell, a));
      if (classes.stream().noneMatch(x -> Arrays.equals(x, allowed))) {
        classes.add(allowed);
      }
    }
    for (int s = 0; s < total.length; s++) {
      int sp = s;
      if (classes.stream().filter(x -> Arrays.stream(x).anyMatch(y -> y == sp)).count() > 1) {
        throw new InvalidInputException("species " + parent.species().get(s) + " is allowed on "
            + "sublattices with different sets of species, so the composition " + composition
            + " does not fix the counts per sublattice: give them per sublattice "
            + "(SUBLATTICE:SPECIES=COUNT,…)");
      }
    }
    Groups groups = new Groups();
    for (int[] allowed : classes) {
      int[] c = new int[allowed.length];
      for (int k = 0; k < c.length; k++) {
        c[k] = total[allowed[k]];
      }
      groups.add(sitesWhere(cell,
          a -> Arrays.equals(parent.allowed(parentSiteOf(cell, a)), allowed)), allowed, c);
    }
    return new ArrangementSpace(cell, composition.label(), total, groups);
  }

  /** The arrangements of a composition fixed per sublattice: one group per sublattice. */
  public static ArrangementSpace of(SublatticeComposition composition) {
    Supercell cell = composition.supercell();
    ParentLattice parent = cell.parent();
    Groups groups = new Groups();
    for (Sublattice sub : parent.sublattices()) {
      if (sub.isActive()) {
        int[] c = new int[sub.allowed().length];
        for (int k = 0; k < c.length; k++) {
          c[k] = composition.count(sub.index(), sub.allowed()[k]);
        }
        groups.add(sitesWhere(cell, a -> parent.sublatticeOf(parentSiteOf(cell, a)) == sub),
            sub.allowed(), c);
      }
    }
    return new ArrangementSpace(cell, composition.label(), composition.total(), groups);
  }

  /** The spaces of every total composition of the active sites that has arrangements. */
  public static List<ArrangementSpace> allCompositions(Supercell cell) {
    List<ArrangementSpace> spaces = new ArrayList<>();
    for (CompositionCount c : ConfigurationCounter.of(cell).count()) {
      spaces.add(of(Composition.of(cell, c.counts())));
    }
    return spaces;
  }

  /** Groups of sites with their species and counts, collected before construction. */
  private static final class Groups {
    final List<int[]> sites = new ArrayList<>();
    final List<byte[]> species = new ArrayList<>();
    final List<int[]> counts = new ArrayList<>();

    void add(int[] members, int[] allowed, int[] c) {
      byte[] sp = new byte[allowed.length];
      for (int k = 0; k < sp.length; k++) {
        sp[k] = (byte) allowed[k];
      }
      sites.add(members);
      species.add(sp);
      counts.add(c);
    }
  }

  private static int parentSiteOf(Supercell cell, int active) {
    return cell.parentSite(cell.activeSite(active));
  }

  private static int[] sitesWhere(Supercell cell, java.util.function.IntPredicate p) {
    return java.util.stream.IntStream.range(0, cell.activeSiteCount()).filter(p).toArray();
  }

  public Supercell supercell() {
    return cell;
  }

  /** The composition as a label usable in file names, e.g. {@code Co12Mn12}. */
  public String label() {
    return label;
  }

  /** Number of active sites per species (indexed like the parent's species; copy). */
  public int[] counts() {
    return counts.clone();
  }

  /** Number of arrangements. */
  public long size() {
    return size;
  }

  /**
   * Whether consecutive ranks always differ by one swap: one group of sites with two species
   * (the binary case, e.g. Co/Mn on all spinel cation sites).
   */
  public boolean isSingleDigit() {
    return digitSize.length <= 1;
  }

  /** The active sites of group g, ascending. */
  int[] groupSites(int g) {
    return groupSites[g];
  }

  int digitCount() {
    return digitSize.length;
  }

  long digitSize(int d) {
    return digitSize[d];
  }

  int digitSlots(int d) {
    return digitSlots[d];
  }

  int digitChosen(int d) {
    return digitChosen[d];
  }

  Binomials binomials() {
    return binomials;
  }

  /** Work arrays for rank/unrank: one subset buffer per digit. */
  int[][] newSubsets() {
    int[][] c = new int[digitSize.length][];
    for (int d = 0; d < c.length; d++) {
      c[d] = new int[digitChosen[d] + 1];
    }
    return c;
  }

  /** Splits a rank into its digits' subsets (each ascending, sentinel last). */
  void unrankDigits(long rank, int[][] subsets) {
    if (rank < 0 || rank >= size) {
      throw new IllegalArgumentException("rank " + rank + " out of [0, " + size + ")");
    }
    long r = rank;
    for (int d = digitSize.length - 1; d >= 0; d--) {
      long v = r % digitSize[d];
      r /= digitSize[d];
      RevolvingDoor.unrank(v, digitSlots[d], digitChosen[d], subsets[d], binomials);
    }
  }

  /** Writes the arrangement given by the digits' subsets into occupation. */
  void place(int[][] subsets, byte[] occupation) {
    int d = 0;
    for (int g = 0; g < groupSites.length; g++) {
      int[] members = groupSites[g];
      byte[] sp = groupSpecies[g];
      byte last = sp[sp.length - 1];
      for (int a : members) {
        occupation[a] = -1;
      }
      for (int l = 0; l < sp.length - 1; l++, d++) {
        int[] c = subsets[d];
        int slot = 0;
        int next = 0;
        for (int a : members) {
          if (occupation[a] != -1) {
            continue;
          }
          if (slot == c[next]) {
            occupation[a] = sp[l];
            next++;
          }
          slot++;
        }
      }
      for (int a : members) {
        if (occupation[a] == -1) {
          occupation[a] = last;
        }
      }
    }
  }

  /** The arrangement of a rank, into occupation (length = active sites). */
  public void unrank(long rank, byte[] occupation) {
    int[][] subsets = newSubsets();
    unrankDigits(rank, subsets);
    place(subsets, occupation);
  }

  /** The rank of an arrangement of this composition; subsets is a work array. */
  long rank(byte[] occupation, int[][] subsets) {
    long r = 0;
    int d = 0;
    for (int g = 0; g < groupSites.length; g++) {
      int[] members = groupSites[g];
      byte[] sp = groupSpecies[g];
      for (int l = 0; l < sp.length - 1; l++, d++) {
        int[] c = subsets[d];
        int slot = 0;
        int k = 0;
        for (int a : members) {
          int level = levelOf(sp, occupation[a]);
          if (level < l) {
            continue;
          }
          if (level == l) {
            c[k++] = slot;
          }
          slot++;
        }
        r = r * digitSize[d] + RevolvingDoor.rank(c, k, binomials);
      }
    }
    return r;
  }

  /** The rank of an arrangement of this composition. */
  public long rank(byte[] occupation) {
    return rank(occupation, newSubsets());
  }

  private static int levelOf(byte[] species, byte s) {
    for (int l = 0; l < species.length; l++) {
      if (species[l] == s) {
        return l;
      }
    }
    throw new IllegalArgumentException("species " + s + " not in group " + Arrays.toString(species));
  }
}
