package org.ordex.sampling.ga;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ordex.potentials.MoveEvaluator;

/**
 * The memetic step: greedy descent by swaps inside the composition's groups, with the exact
 * incremental ΔE of a {@link MoveEvaluator}. A pass visits the sites from a random start, and
 * for each tries partners of the same group holding another species, from a random start,
 * making the first swap that lowers the energy; passes repeat until one makes no swap (a local
 * minimum under swaps) or the trial budget is spent. First improvement in random order makes
 * every trial count on large cells, where scanning all partners of a site would spend the
 * budget on a few sites. The random order is seeded by the starting ordering, so the result
 * depends only on it (not on the thread that runs it).
 */
final class GreedySwaps {
  /** A swap must lower the energy by more than this (eV) to be made: no cycling on round-off. */
  private static final double MIN_GAIN = 1e-10;

  private final FixedComposition composition;
  private final long maxTrials;

  /** A descent that stops after {@code maxTrials} ΔE evaluations at the latest. */
  GreedySwaps(FixedComposition composition, long maxTrials) {
    if (maxTrials <= 0) {
      throw new IllegalArgumentException("trial budget must be positive, got " + maxTrials);
    }
    this.composition = composition;
    this.maxTrials = maxTrials;
  }

  /**
   * Relaxes the evaluator's working ordering, which is {@code start}; returns the number of ΔE
   * evaluations made.
   */
  long relax(MoveEvaluator ev, byte[] start) {
    SplittableRandom random = new SplittableRandom(Arrays.hashCode(start));
    long trials = 0;
    boolean improved = true;
    while (improved && trials < maxTrials) {
      improved = false;
      for (int g = 0; g < composition.groupCount() && trials < maxTrials; g++) {
        if (!composition.isMixed(g)) {
          continue;
        }
        int[] sites = composition.groupSites(g);
        int n = sites.length;
        int first = random.nextInt(n);
        for (int x = 0; x < n && trials < maxTrials; x++) {
          int i = sites[(first + x) % n];
          int si = ev.species(i);
          int offset = random.nextInt(n);
          for (int y = 0; y < n && trials < maxTrials; y++) {
            int j = sites[(offset + y) % n];
            if (ev.species(j) == si) {
              continue;
            }
            trials++;
            if (ev.swapDelta(i, j) < -MIN_GAIN) {
              ev.swap(i, j);
              improved = true;
              break;
            }
          }
        }
      }
    }
    return trials;
  }
}
