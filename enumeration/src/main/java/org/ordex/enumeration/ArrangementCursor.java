package org.ordex.enumeration;

/**
 * Walks the arrangements of an {@link ArrangementSpace} in rank order, reporting which sites
 * change from one arrangement to the next so that an energy model can score it by an
 * incremental update. In the single-digit case (two species on one group of sites) every
 * step is one swap and costs O(1) amortised; otherwise a step re-places the sites and
 * reports the differences (O(active sites)). Mutable, one per thread; no allocation per step.
 */
public final class ArrangementCursor {
  private final ArrangementSpace space;
  private final int[][] subsets;
  private final byte[] occupation;
  private final byte[] scratch;
  private final int[] changed;
  private final int[] move = new int[2];
  private final int[] groupSites;
  private long rank;
  private int changes;

  /** A cursor at rank 0. */
  public ArrangementCursor(ArrangementSpace space) {
    this.space = space;
    int n = space.supercell().activeSiteCount();
    this.subsets = space.newSubsets();
    this.occupation = new byte[n];
    this.scratch = new byte[n];
    this.changed = new int[n];
    this.groupSites = space.digitCount() == 1 ? space.groupSites(0)
        : null;
    seek(0);
  }

  /** Moves to the arrangement of rank r. */
  public void seek(long r) {
    space.unrankDigits(r, subsets);
    space.place(subsets, occupation);
    rank = r;
    changes = 0;
  }

  /** Rank of the current arrangement. */
  public long rank() {
    return rank;
  }

  /** The current arrangement (live array: read only). */
  public byte[] occupation() {
    return occupation;
  }

  /**
   * Steps to rank + 1 and returns how many active sites changed species (see
   * {@link #changedSite}); −1 when the current arrangement was the last.
   */
  public int next() {
    int d = subsets.length - 1;
    if (groupSites != null) {
      if (!RevolvingDoor.next(subsets[0], space.digitChosen(0), move)) {
        return -1;
      }
      int a = groupSites[move[0]];
      int b = groupSites[move[1]];
      byte t = occupation[a];
      occupation[a] = occupation[b];
      occupation[b] = t;
      changed[0] = a;
      changed[1] = b;
      rank++;
      return changes = 2;
    }
    while (d >= 0 && !RevolvingDoor.next(subsets[d], space.digitChosen(d), move)) {
      RevolvingDoor.unrank(0, space.digitSlots(d), space.digitChosen(d), subsets[d],
          space.binomials());
      d--;
    }
    if (d < 0) {
      space.unrankDigits(rank, subsets);
      return -1;
    }
    space.place(subsets, scratch);
    changes = 0;
    for (int a = 0; a < occupation.length; a++) {
      if (scratch[a] != occupation[a]) {
        changed[changes++] = a;
        occupation[a] = scratch[a];
      }
    }
    rank++;
    return changes;
  }

  /** The i-th site changed by the last {@link #next()}. */
  public int changedSite(int i) {
    return changed[i];
  }
}
