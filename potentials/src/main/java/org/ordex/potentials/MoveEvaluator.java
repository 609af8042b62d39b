package org.ordex.potentials;

/**
 * Exact energy changes of elementary moves on one working configuration, without recomputing
 * the whole cell. A swap exchanges the species of active sites i and j; a flip puts species s
 * on active site i. Invariant (property-tested for every model): the delta equals the full
 * energy after the move minus the full energy before, to round-off. Mutable and not
 * thread-safe: one evaluator per thread; no allocation per call.
 */
public interface MoveEvaluator {
  /** Energy of the working configuration (eV per supercell), kept up to date by moves. */
  double energy();

  /** Energy change of swapping the species on active sites i and j (0 when equal). */
  double swapDelta(int i, int j);

  /** Swaps the species on active sites i and j and updates the energy. */
  void swap(int i, int j);

  /**
   * Swaps the species on active sites i and j, given {@code delta} = {@link #swapDelta}(i, j)
   * just computed on the current configuration (as a Monte Carlo step does before accepting),
   * so a model can skip computing it again. Same effect as {@link #swap}; the default calls it.
   */
  default void applySwap(int i, int j, double delta) {
    swap(i, j);
  }

  /** Energy change of putting species s on active site i. */
  double flipDelta(int i, int s);

  /** Puts species s on active site i and updates the energy. */
  void flip(int i, int s);

  /**
   * Puts species s on active site i, given {@code delta} = {@link #flipDelta}(i, s) just
   * computed on the current configuration. Same effect as {@link #flip}; the default calls it.
   */
  default void applyFlip(int i, int s, double delta) {
    flip(i, s);
  }

  /** Species index on active site i. */
  int species(int i);

  /** Copies the working occupation into {@code target} (length = active sites). */
  void copyOccupation(byte[] target);

  /** Replaces the working configuration and recomputes its energy from scratch. */
  void reset(byte[] occupation);

  /** Recomputes the energy of the working configuration from scratch (ends drift). */
  double recompute();
}
