package org.ordex.enumeration;

import java.util.ArrayList;
import java.util.List;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * The species counts on each active sublattice of an arrangement, packed into one long: the
 * mixed-radix number of the counts of every (sublattice, species) pair but the last species
 * of each sublattice (its count is what remains). A site's contribution depends only on its
 * species, so a move updates the key by {@link #weight(int, int)} differences. For spinels
 * the key is the cation distribution over 8a and 16d, i.e. the inversion. When the counts do
 * not fit in 63 bits the key is constant 0 (the distribution is not tracked). Immutable.
 */
public final class OccupancyKey {
  private final Supercell cell;
  private final int species;
  private final long[] weights;
  /** Per digit: sublattice, species, radix (sites + 1) and place value. */
  private final int[] digitSublattice;
  private final int[] digitSpecies;
  private final long[] digitRadix;
  private final long[] digitPlace;
  private final boolean tracked;

  private OccupancyKey(Supercell cell) {
    this.cell = cell;
    ParentLattice parent = cell.parent();
    this.species = parent.species().size();
    List<long[]> digits = new ArrayList<>();
    long place = 1;
    boolean fits = true;
    for (Sublattice sub : parent.sublattices()) {
      if (!sub.isActive()) {
        continue;
      }
      long radix = (long) sub.sites().length * cell.volumeFactor() + 1;
      int[] allowed = sub.allowed();
      for (int k = 0; k < allowed.length - 1; k++) {
        digits.add(new long[] {sub.index(), allowed[k], radix, place});
        if (place > Long.MAX_VALUE / radix) {
          fits = false;
        } else {
          place *= radix;
        }
      }
    }
    this.tracked = fits;
    int d = digits.size();
    digitSublattice = new int[d];
    digitSpecies = new int[d];
    digitRadix = new long[d];
    digitPlace = new long[d];
    for (int i = 0; i < d; i++) {
      long[] x = digits.get(i);
      digitSublattice[i] = (int) x[0];
      digitSpecies[i] = (int) x[1];
      digitRadix[i] = x[2];
      digitPlace[i] = x[3];
    }
    int n = cell.activeSiteCount();
    this.weights = new long[n * species];
    if (tracked) {
      for (int a = 0; a < n; a++) {
        int sub = parent.sublatticeOf(cell.parentSite(cell.activeSite(a))).index();
        for (int i = 0; i < d; i++) {
          if (digitSublattice[i] == sub) {
            weights[a * species + digitSpecies[i]] = digitPlace[i];
          }
        }
      }
    }
  }

  /** The key of the active sites of {@code cell}. */
  public static OccupancyKey of(Supercell cell) {
    return new OccupancyKey(cell);
  }

  /** Whether the key tracks the counts (false: it is always 0). */
  public boolean isTracked() {
    return tracked;
  }

  /** What species s on active site a adds to the key. */
  public long weight(int a, int s) {
    return weights[a * species + s];
  }

  /** The key of an occupation. */
  public long of(byte[] occupation) {
    long k = 0;
    for (int a = 0; a < occupation.length; a++) {
      k += weights[a * species + occupation[a]];
    }
    return k;
  }

  /**
   * The species counts [sublattice][species] of a key (on each sublattice the last species
   * takes the remaining sites); all zero when the counts are not tracked.
   */
  public int[][] counts(long key) {
    ParentLattice parent = cell.parent();
    int[][] c = new int[parent.sublattices().size()][species];
    if (!tracked) {
      return c;
    }
    for (int i = 0; i < digitPlace.length; i++) {
      c[digitSublattice[i]][digitSpecies[i]] = (int) (key / digitPlace[i] % digitRadix[i]);
    }
    for (Sublattice sub : parent.sublattices()) {
      if (sub.isActive()) {
        int[] allowed = sub.allowed();
        int rest = sub.sites().length * cell.volumeFactor();
        for (int k = 0; k < allowed.length - 1; k++) {
          rest -= c[sub.index()][allowed[k]];
        }
        c[sub.index()][allowed[allowed.length - 1]] = rest;
      }
    }
    return c;
  }
}
