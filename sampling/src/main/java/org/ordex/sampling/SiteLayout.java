package org.ordex.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * What the samplers need to know about the active sites of a supercell, in flat arrays: the
 * active sublattice of every site, the species each sublattice allows, and the swap groups —
 * sets of active sublattices linked by a shared species (spinel: 8a and 16d form one group, so
 * swaps between them change the inversion degree). A canonical swap keeps the species counts
 * of every swap group. Immutable; shared by every chain of a run.
 */
public final class SiteLayout {
  private final Supercell supercell;
  private final List<String> species;
  private final String[] sublatticeLabels;
  private final int[][] allowed;
  private final long[] allowedMask;
  private final int[] sublatticeOfSite;
  private final int[] sublatticeSize;
  private final int[] groupOfSublattice;
  private final int groups;

  private SiteLayout(Supercell supercell) {
    this.supercell = supercell;
    ParentLattice parent = supercell.parent();
    this.species = parent.species();
    if (species.size() > 64) {
      throw new InvalidInputException("Monte Carlo supports at most 64 species, the system has "
          + species.size());
    }
    List<Sublattice> active = new ArrayList<>();
    for (Sublattice s : parent.sublattices()) {
      if (s.isActive()) {
        active.add(s);
      }
    }
    int ns = active.size();
    this.sublatticeLabels = new String[ns];
    this.allowed = new int[ns][];
    this.allowedMask = new long[ns];
    for (int k = 0; k < ns; k++) {
      sublatticeLabels[k] = active.get(k).label();
      allowed[k] = active.get(k).allowed().clone();
      for (int sp : allowed[k]) {
        allowedMask[k] |= 1L << sp;
      }
    }
    int n = supercell.activeSiteCount();
    if (n < 2) {
      throw new InvalidInputException("supercell " + supercell.describe() + " has " + n
          + " active site" + (n == 1 ? "" : "s") + "; Monte Carlo needs at least two");
    }
    this.sublatticeOfSite = new int[n];
    this.sublatticeSize = new int[ns];
    for (int a = 0; a < n; a++) {
      Sublattice sub = parent.sublatticeOf(supercell.parentSite(supercell.activeSite(a)));
      int k = active.indexOf(sub);
      sublatticeOfSite[a] = k;
      sublatticeSize[k]++;
    }
    this.groupOfSublattice = new int[ns];
    Arrays.fill(groupOfSublattice, -1);
    int g = 0;
    for (int k = 0; k < ns; k++) {
      if (groupOfSublattice[k] < 0) {
        markGroup(k, g++);
      }
    }
    this.groups = g;
  }

  private void markGroup(int k, int g) {
    groupOfSublattice[k] = g;
    for (int other = 0; other < allowedMask.length; other++) {
      if (groupOfSublattice[other] < 0 && (allowedMask[other] & allowedMask[k]) != 0) {
        markGroup(other, g);
      }
    }
  }

  /** The layout of the active sites of {@code supercell}. */
  public static SiteLayout of(Supercell supercell) {
    return new SiteLayout(supercell);
  }

  public Supercell supercell() {
    return supercell;
  }

  /** Number of active sites (trial steps per sweep). */
  public int sites() {
    return sublatticeOfSite.length;
  }

  /** Number of species in the global numbering of the parent lattice. */
  public int speciesCount() {
    return species.size();
  }

  /** Species names in the global numbering. */
  public List<String> species() {
    return species;
  }

  /** The species that some active sublattice allows, ascending. */
  public int[] activeSpecies() {
    long mask = 0;
    for (long m : allowedMask) {
      mask |= m;
    }
    int[] out = new int[Long.bitCount(mask)];
    int k = 0;
    for (int s = 0; s < species.size(); s++) {
      if ((mask >>> s & 1L) != 0) {
        out[k++] = s;
      }
    }
    return out;
  }

  /** Number of active sublattices. */
  public int sublattices() {
    return allowed.length;
  }

  /** Label (Wyckoff position) of active sublattice k. */
  public String sublatticeLabel(int k) {
    return sublatticeLabels[k];
  }

  /** Species allowed on active sublattice k (copy). */
  public int[] allowed(int k) {
    return allowed[k].clone();
  }

  /** Whether species s may sit on active sublattice k. */
  public boolean allows(int k, int s) {
    return (allowedMask[k] >>> s & 1L) != 0;
  }

  /** Number of sites of active sublattice k in the supercell. */
  public int sublatticeSize(int k) {
    return sublatticeSize[k];
  }

  /** Active sublattice of active site a. */
  public int sublatticeOf(int a) {
    return sublatticeOfSite[a];
  }

  /** Number of swap groups. */
  public int groups() {
    return groups;
  }

  /** Swap group of active sublattice k. */
  public int groupOfSublattice(int k) {
    return groupOfSublattice[k];
  }

  /** Swap group of active site a. */
  public int groupOf(int a) {
    return groupOfSublattice[sublatticeOfSite[a]];
  }

  /** Checks that {@code occupation} fits the active sites; bad input otherwise. */
  public void check(byte[] occupation) {
    if (occupation.length != sites()) {
      throw new InvalidInputException("occupation has " + occupation.length
          + " sites, the supercell has " + sites() + " active sites");
    }
    for (int a = 0; a < occupation.length; a++) {
      int k = sublatticeOfSite[a];
      if (occupation[a] < 0 || occupation[a] >= species.size() || !allows(k, occupation[a])) {
        throw new InvalidInputException("active site " + a + ": species #" + occupation[a]
            + " is not allowed on sublattice " + sublatticeLabels[k]);
      }
    }
  }
}
