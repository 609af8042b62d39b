package org.ordex.sampling;

import org.ordex.lattice.InvalidInputException;

/**
 * Per-species site lists for picking canonical swap partners in O(1). All active sites are
 * kept in one array, grouped by swap group and, inside a group, by the species they hold;
 * a swap of sites holding species a and b only exchanges the two sites between the a and b
 * segments, so segment lengths never change. A partner of site i is drawn uniformly from the
 * sites of i's swap group that hold another species. For a swap of sites holding species a
 * and b the proposal probability, summed over both orders of picking, is
 * (1/N)(1/(G − n_a) + 1/(G − n_b)) with G the group size and n the group's species counts —
 * unchanged by the swap, so proposals are symmetric and the Metropolis rule is exact.
 */
final class SwapLists {
  private final int species;
  private final int[] groupOf;
  private final int[] groupStart;
  private final int[] groupLength;
  private final int[] segmentStart;
  private final int[] segmentLength;
  private final int[] sites;
  private final int[] position;

  SwapLists(SiteLayout layout, byte[] occupation) {
    int n = layout.sites();
    this.species = layout.speciesCount();
    int groups = layout.groups();
    this.groupOf = new int[n];
    this.groupStart = new int[groups];
    this.groupLength = new int[groups];
    this.segmentStart = new int[groups * species];
    this.segmentLength = new int[groups * species];
    for (int a = 0; a < n; a++) {
      groupOf[a] = layout.groupOf(a);
      groupLength[groupOf[a]]++;
      segmentLength[groupOf[a] * species + occupation[a]]++;
    }
    int next = 0;
    for (int g = 0; g < groups; g++) {
      groupStart[g] = next;
      for (int s = 0; s < species; s++) {
        segmentStart[g * species + s] = next;
        next += segmentLength[g * species + s];
      }
    }
    this.sites = new int[n];
    this.position = new int[n];
    int[] fill = segmentStart.clone();
    for (int a = 0; a < n; a++) {
      int p = fill[groupOf[a] * species + occupation[a]]++;
      sites[p] = a;
      position[a] = p;
    }
  }

  /**
   * Swap lists in a saved order (from {@link #order()}), so that a resumed chain draws the same
   * partners as the uninterrupted one; bad input when the order does not fit the occupation.
   */
  static SwapLists restore(SiteLayout layout, byte[] occupation, int[] order) {
    SwapLists lists = new SwapLists(layout, occupation);
    int n = lists.sites.length;
    if (order.length != n) {
      throw new InvalidInputException("checkpoint swap lists have "
          + order.length + " sites, expected " + n);
    }
    int[] fresh = lists.sites.clone();
    boolean[] seen = new boolean[n];
    for (int p = 0; p < n; p++) {
      int a = order[p];
      if (a < 0 || a >= n || seen[a] || occupation[fresh[p]] != occupation[a]
          || lists.groupOf[fresh[p]] != lists.groupOf[a]) {
        throw new InvalidInputException(
            "checkpoint swap lists do not match the saved occupation");
      }
      seen[a] = true;
      lists.sites[p] = a;
      lists.position[a] = p;
    }
    return lists;
  }

  /** The current order of the sites (for a checkpoint). */
  int[] order() {
    return sites.clone();
  }

  /**
   * A uniformly drawn site of i's swap group holding a species other than {@code si} (the
   * species on i), or −1 when every site of the group holds {@code si}.
   */
  int partner(int i, int si, Rng rng) {
    int g = groupOf[i];
    int seg = g * species + si;
    int skip = segmentLength[seg];
    int others = groupLength[g] - skip;
    if (others == 0) {
      return -1;
    }
    int p = groupStart[g] + rng.nextInt(others);
    if (p >= segmentStart[seg]) {
      p += skip;
    }
    return sites[p];
  }

  /** Records that sites i and j exchanged their species. */
  void swapped(int i, int j) {
    int pi = position[i];
    int pj = position[j];
    sites[pi] = j;
    sites[pj] = i;
    position[i] = pj;
    position[j] = pi;
  }
}
