package org.ordex.sampling;

/**
 * The average of an observable over a chain with its standard error from blocking analysis.
 *
 * @param mean the sample mean
 * @param error its standard error (correlations included), NaN with fewer than two samples
 * @param tau the integrated autocorrelation time in samples (0.5 for uncorrelated samples),
 *     from error² = 2τ σ²/n
 * @param samples the number of samples
 * @param blocks the number of blocks at the blocking level the error was read from (the
 *     error of the error is about error/√(2·(blocks − 1)))
 */
public record Estimate(double mean, double error, double tau, long samples, long blocks) {

  /** This estimate scaled by a constant factor. */
  public Estimate times(double factor) {
    return new Estimate(mean * factor, error * Math.abs(factor), tau, samples, blocks);
  }
}
