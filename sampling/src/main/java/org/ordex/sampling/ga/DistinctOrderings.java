package org.ordex.sampling.ga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lowest-energy orderings seen, at most one per symmetry orbit and at most
 * {@code capacity} of them, sorted by energy. Two orderings are the same when a symmetry
 * permutation of the supercell maps one onto the other; since such orderings have equal
 * energies, only orderings whose energies agree to {@link #sameEnergy} are compared. Not
 * thread-safe.
 */
final class DistinctOrderings {
  private final int[][] permutations;
  private final int capacity;
  private final List<byte[]> orderings = new ArrayList<>();
  private double[] energies = new double[16];
  private long[] stamps = new long[16];

  /** An empty set under the given active-site permutations (identity first). */
  DistinctOrderings(int[][] permutations, int capacity) {
    this.permutations = permutations;
    this.capacity = capacity;
  }

  /** Whether two energies are equal up to round-off (relative 1e-9, absolute 1e-9 eV). */
  static boolean sameEnergy(double e1, double e2) {
    return Math.abs(e1 - e2) <= 1e-9 * Math.max(1, Math.max(Math.abs(e1), Math.abs(e2)));
  }

  /** Whether a symmetry permutation maps ordering a onto ordering b. */
  static boolean equivalent(int[][] permutations, byte[] a, byte[] b) {
    for (int[] p : permutations) {
      int i = 0;
      while (i < a.length && b[p[i]] == a[i]) {
        i++;
      }
      if (i == a.length) {
        return true;
      }
    }
    return false;
  }

  /** The index of an ordering equivalent to {@code occ} of that energy, or −1. */
  int indexOf(double energy, byte[] occ) {
    for (int i = lowerBound(energy); i < orderings.size(); i++) {
      if (!sameEnergy(energies[i], energy)) {
        break;
      }
      if (equivalent(permutations, orderings.get(i), occ)) {
        return i;
      }
    }
    return -1;
  }

  /** First index whose energy could be the same as {@code energy}. */
  private int lowerBound(double energy) {
    int lo = 0;
    int hi = orderings.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (energies[mid] < energy && !sameEnergy(energies[mid], energy)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Adds an ordering (copied) unless an equivalent one is present or it is not among the
   * {@code capacity} lowest; {@code stamp} is remembered with it (e.g. the evaluation count
   * when it was found). Returns whether it was added.
   */
  boolean add(double energy, byte[] occ, long stamp) {
    if (orderings.size() == capacity && energy >= energies[capacity - 1]) {
      return false;
    }
    if (indexOf(energy, occ) >= 0) {
      return false;
    }
    int at = lowerBound(energy);
    while (at < orderings.size() && energies[at] <= energy) {
      at++;
    }
    if (orderings.size() == energies.length) {
      energies = Arrays.copyOf(energies, 2 * energies.length);
      stamps = Arrays.copyOf(stamps, 2 * stamps.length);
    }
    int n = orderings.size();
    System.arraycopy(energies, at, energies, at + 1, n - at);
    System.arraycopy(stamps, at, stamps, at + 1, n - at);
    energies[at] = energy;
    stamps[at] = stamp;
    orderings.add(at, occ.clone());
    if (orderings.size() > capacity) {
      orderings.remove(capacity);
    }
    return true;
  }

  int size() {
    return orderings.size();
  }

  double energy(int i) {
    return energies[i];
  }

  /** The i-th lowest ordering (live array: read only). */
  byte[] ordering(int i) {
    return orderings.get(i);
  }

  long stamp(int i) {
    return stamps[i];
  }
}
