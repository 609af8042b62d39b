package org.ordex.sampling;

/**
 * Remembers the lowest-energy configuration a chain has visited, at O(1) amortised cost per
 * accepted move: it keeps a base copy of the occupation and a log of the changes applied since,
 * and marks the log position where the lowest energy was reached. When the log grows longer
 * than twice the number of sites, the lowest configuration is materialised (if it moved) and
 * the base catches up with the current configuration.
 */
final class LowestTracker {
  private byte[] base;
  private byte[] best;
  private double bestEnergy;
  private int bestMark;
  private int[] logSite;
  private byte[] logSpecies;
  private int logSize;

  /** Starts from the chain's current configuration. */
  void start(byte[] occupation, double energy) {
    base = occupation.clone();
    best = occupation.clone();
    bestEnergy = energy;
    bestMark = -1;
    logSite = new int[2 * occupation.length + 2];
    logSpecies = new byte[logSite.length];
    logSize = 0;
  }

  /** Restores a saved lowest configuration while the chain sits at {@code current}. */
  void restore(byte[] current, byte[] lowest, double lowestEnergy) {
    start(current, lowestEnergy);
    best = lowest.clone();
  }

  /**
   * Records an accepted move: site i now holds species si and, for a swap, site j holds sj
   * (j = −1 for a flip); {@code energy} is the energy after the move.
   */
  void moved(int i, int si, int j, int sj, double energy) {
    if (logSize + 2 > logSite.length) {
      compact();
    }
    logSite[logSize] = i;
    logSpecies[logSize++] = (byte) si;
    if (j >= 0) {
      logSite[logSize] = j;
      logSpecies[logSize++] = (byte) sj;
    }
    if (energy < bestEnergy) {
      bestEnergy = energy;
      bestMark = logSize;
    }
  }

  private void compact() {
    materialise();
    for (int k = 0; k < logSize; k++) {
      base[logSite[k]] = logSpecies[k];
    }
    logSize = 0;
  }

  private void materialise() {
    if (bestMark >= 0) {
      System.arraycopy(base, 0, best, 0, base.length);
      for (int k = 0; k < bestMark; k++) {
        best[logSite[k]] = logSpecies[k];
      }
      bestMark = -1;
    }
  }

  double lowestEnergy() {
    return bestEnergy;
  }

  /** The lowest-energy occupation seen (copy). */
  byte[] lowest() {
    materialise();
    return best.clone();
  }
}
