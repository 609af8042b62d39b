package org.ordex.enumeration;

import java.util.Arrays;

/**
 * The symmetry-distinct arrangements of an {@link ArrangementSpace}: one representative per
 * orbit under the supercell's symmetry permutations, namely the orbit's member of lowest
 * rank, with its multiplicity (orbit size = group order / stabiliser order). Ranks are
 * scanned in blocks with a bitset of the ranks already seen as images of earlier
 * representatives ("orbit marking"); an unmarked rank whose orbit reaches a lower rank
 * belongs to an orbit first met before the block, so it is skipped. Any rank range can be
 * scanned on its own, which is what splits the work into shards. Memory: one bitset of
 * {@value #BLOCK} bits per scan. Immutable; {@link #forEach} is thread-safe.
 */
public final class DistinctArrangements {
  static final int BLOCK = 1 << 24;

  private final ArrangementSpace space;
  private final int[][] permutations;

  private DistinctArrangements(ArrangementSpace space, int[][] permutations) {
    this.space = space;
    this.permutations = permutations;
  }

  /** The distinct arrangements under the supercell's symmetry. */
  public static DistinctArrangements of(ArrangementSpace space) {
    return new DistinctArrangements(space, space.supercell().permutations());
  }

  public ArrangementSpace space() {
    return space;
  }

  /** Visits the representatives with rank in [from, to), ascending, with their multiplicity. */
  public void forEach(long from, long to, ArrangementVisitor visitor) {
    if (space.digitCount() == 1 && space.supercell().activeSiteCount() <= 64) {
      forEachBinary(from, to, visitor);
    } else {
      forEachGeneral(from, to, visitor);
    }
  }

  /** The scan for any space (package-private so tests can compare it with the fast path). */
  void forEachGeneral(long from, long to, ArrangementVisitor visitor) {
    int n = space.supercell().activeSiteCount();
    byte[] occ = new byte[n];
    byte[] image = new byte[n];
    int[][] subsets = space.newSubsets();
    long[] seen = new long[BLOCK / 64];
    long groupOrder = permutations.length;
    for (long lo = from; lo < to; lo += BLOCK) {
      long hi = Math.min(to, lo + BLOCK);
      Arrays.fill(seen, 0L);
      for (long r = lo; r < hi; r++) {
        int bit = (int) (r - lo);
        if ((seen[bit >>> 6] & 1L << bit) != 0) {
          continue;
        }
        space.unrankDigits(r, subsets);
        space.place(subsets, occ);
        boolean lowest = true;
        long stabiliser = 0;
        for (int[] p : permutations) {
          for (int a = 0; a < n; a++) {
            image[p[a]] = occ[a];
          }
          long q = space.rank(image, subsets);
          if (q == r) {
            stabiliser++;
          } else if (q < r) {
            lowest = false;
          } else if (q < hi) {
            int b = (int) (q - lo);
            seen[b >>> 6] |= 1L << b;
          }
        }
        if (lowest) {
          visitor.visit(r, occ, groupOrder / stabiliser);
        }
      }
    }
  }

  /**
   * The same scan for two species on one group of at most 64 sites (then the group is all
   * active sites): an arrangement is the bitmask of the sites holding the first species,
   * and images and ranks cost O(count of that species).
   */
  private void forEachBinary(long from, long to, ArrangementVisitor visitor) {
    int n = space.supercell().activeSiteCount();
    int k = space.digitChosen(0);
    Binomials b = space.binomials();
    byte[] occ = new byte[n];
    int[][] subsets = space.newSubsets();
    long[] seen = new long[BLOCK / 64];
    long groupOrder = permutations.length;
    for (long lo = from; lo < to; lo += BLOCK) {
      long hi = Math.min(to, lo + BLOCK);
      Arrays.fill(seen, 0L);
      for (long r = lo; r < hi; r++) {
        int bit = (int) (r - lo);
        if ((seen[bit >>> 6] & 1L << bit) != 0) {
          continue;
        }
        space.unrankDigits(r, subsets);
        long mask = 0;
        for (int i = 0; i < k; i++) {
          mask |= 1L << subsets[0][i];
        }
        boolean lowest = true;
        long stabiliser = 0;
        for (int[] p : permutations) {
          long image = 0;
          for (long m = mask; m != 0; m &= m - 1) {
            image |= 1L << p[Long.numberOfTrailingZeros(m)];
          }
          long q = 0;
          int i = 1;
          for (long m = image; m != 0; m &= m - 1, i++) {
            q = b.of(Long.numberOfTrailingZeros(m) + 1, i) - 1 - q;
          }
          if (q == r) {
            stabiliser++;
          } else if (q < r) {
            lowest = false;
          } else if (q < hi) {
            int x = (int) (q - lo);
            seen[x >>> 6] |= 1L << x;
          }
        }
        if (lowest) {
          space.place(subsets, occ);
          visitor.visit(r, occ, groupOrder / stabiliser);
        }
      }
    }
  }

  /** Visits every representative with its multiplicity. */
  public void forEach(ArrangementVisitor visitor) {
    forEach(0, space.size(), visitor);
  }
}
