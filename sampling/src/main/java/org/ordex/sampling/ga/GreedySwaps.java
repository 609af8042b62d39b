package org.ordex.sampling.ga;

import org.ordex.potentials.MoveEvaluator;

/**
 * The memetic step: greedy descent by swaps inside the composition's groups, with the exact
 * incremental ΔE of a {@link MoveEvaluator}. Each pass visits the sites in order and makes, for
 * each, the best energy-lowering swap with a site of the same group holding another species;
 * passes repeat until none lowers the energy (a local minimum under swaps) or the trial
 * budget is spent. Deterministic: the result depends only on the starting ordering.
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

  /** Relaxes the evaluator's working ordering; returns the number of ΔE evaluations made. */
  long relax(MoveEvaluator ev) {
    long trials = 0;
    boolean improved = true;
    while (improved && trials < maxTrials) {
      improved = false;
      for (int g = 0; g < composition.groupCount() && trials < maxTrials; g++) {
        if (!composition.isMixed(g)) {
          continue;
        }
        int[] sites = composition.groupSites(g);
        for (int x = 0; x < sites.length && trials < maxTrials; x++) {
          int i = sites[x];
          int si = ev.species(i);
          double best = -MIN_GAIN;
          int bestJ = -1;
          for (int y = 0; y < sites.length && trials < maxTrials; y++) {
            int j = sites[y];
            if (ev.species(j) != si) {
              double d = ev.swapDelta(i, j);
              trials++;
              if (d < best) {
                best = d;
                bestJ = j;
              }
            }
          }
          if (bestJ >= 0) {
            ev.swap(i, bestJ);
            improved = true;
          }
        }
      }
    }
    return trials;
  }
}
