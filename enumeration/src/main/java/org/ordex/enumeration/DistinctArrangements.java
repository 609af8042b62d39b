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
    scan(from, to, visitor, space.digitCount() == 1
        && space.supercell().activeSiteCount() <= 64 ? new BinaryImages() : new Images());
  }

  /** The scan with the general images (package-private: tests compare it with the fast one). */
  void forEachGeneral(long from, long to, ArrangementVisitor visitor) {
    scan(from, to, visitor, new Images());
  }

  /** The ranks of the images of one arrangement under the permutations. */
  private class Images {
    final int n = space.supercell().activeSiteCount();
    final int[][] subsets = space.newSubsets();
    final byte[] occupation = new byte[n];
    final byte[] image = new byte[n];

    /** Loads the arrangement of rank r. */
    void load(long r) {
      space.unrankDigits(r, subsets);
      space.place(subsets, occupation);
    }

    /** Rank of the image of the loaded arrangement under p. */
    long imageRank(int[] p) {
      for (int a = 0; a < n; a++) {
        image[p[a]] = occupation[a];
      }
      return space.rank(image, subsets);
    }

    /** The loaded arrangement (call after the images: they may reuse work arrays). */
    byte[] occupation() {
      return occupation;
    }
  }

  /**
   * Images for two species on one group of at most 64 sites (then the group is all active
   * sites): an arrangement is the bitmask of the sites holding the first species, and an
   * image and its rank cost O(count of that species).
   */
  private final class BinaryImages extends Images {
    final int k = space.digitChosen(0);
    final Binomials b = space.binomials();
    long mask;

    @Override
    void load(long r) {
      space.unrankDigits(r, subsets);
      mask = 0;
      for (int i = 0; i < k; i++) {
        mask |= 1L << subsets[0][i];
      }
    }

    @Override
    long imageRank(int[] p) {
      long image = 0;
      for (long m = mask; m != 0; m &= m - 1) {
        image |= 1L << p[Long.numberOfTrailingZeros(m)];
      }
      long q = 0;
      int i = 1;
      for (long m = image; m != 0; m &= m - 1, i++) {
        q = b.of(Long.numberOfTrailingZeros(m) + 1, i) - 1 - q;
      }
      return q;
    }

    @Override
    byte[] occupation() {
      space.place(subsets, occupation);
      return occupation;
    }
  }

  private void scan(long from, long to, ArrangementVisitor visitor, Images images) {
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
        images.load(r);
        boolean lowest = true;
        long stabiliser = 0;
        for (int[] p : permutations) {
          long q = images.imageRank(p);
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
          visitor.visit(r, images.occupation(), groupOrder / stabiliser);
        }
      }
    }
  }

  /**
   * The orbit of one arrangement (of this space's composition) under the supercell's
   * symmetry: its representative, the member of lowest rank as {@link #forEach} visits it,
   * and its multiplicity (orbit size).
   */
  public record Orbit(long representative, long multiplicity) {}

  /** The orbit of an arrangement given by its occupation (one species per active site). */
  public Orbit orbitOf(byte[] occupation) {
    int n = space.supercell().activeSiteCount();
    int[][] subsets = space.newSubsets();
    long self = space.rank(occupation, subsets);
    byte[] image = new byte[n];
    long lowest = self;
    long stabiliser = 0;
    for (int[] p : permutations) {
      for (int a = 0; a < n; a++) {
        image[p[a]] = occupation[a];
      }
      long q = space.rank(image, subsets);
      if (q == self) {
        stabiliser++;
      }
      lowest = Math.min(lowest, q);
    }
    return new Orbit(lowest, permutations.length / stabiliser);
  }

  /** Visits every representative with its multiplicity. */
  public void forEach(ArrangementVisitor visitor) {
    forEach(0, space.size(), visitor);
  }
}
