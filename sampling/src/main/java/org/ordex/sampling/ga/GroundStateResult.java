package org.ordex.sampling.ga;

import java.time.Duration;
import java.util.List;

/**
 * What a genetic search found for one composition.
 *
 * @param composition the composition searched
 * @param orderings the lowest distinct orderings found (one per symmetry orbit), lowest first
 * @param evaluations energy evaluations made (full energies plus swap ΔE of the memetic step)
 * @param generations generations evolved, over all restarts
 * @param restarts restarts begun
 * @param elapsed wall-clock time
 */
public record GroundStateResult(FixedComposition composition, List<ScoredOrdering> orderings,
    long evaluations, long generations, int restarts, Duration elapsed) {
  public GroundStateResult {
    orderings = List.copyOf(orderings);
  }

  /** The lowest ordering found. */
  public ScoredOrdering best() {
    return orderings.get(0);
  }

  /** Energy evaluations made until the lowest ordering was first met. */
  public long evaluationsToBest() {
    return best().foundAfter();
  }
}
