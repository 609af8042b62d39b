package org.ordex.sampling;

/**
 * Replica-exchange statistics of a run's production phase.
 *
 * @param temperatures the ladder used in production, K
 * @param initialTemperatures the ladder before adaptive tuning (same as temperatures when
 *     not tuned)
 * @param attempts exchange attempts per neighbouring pair (k, k+1)
 * @param acceptance fraction accepted per pair
 * @param roundTrips completed round trips (a replica going from the lowest temperature to
 *     the highest and back)
 * @param meanRoundTripSweeps their mean duration in sweeps (NaN when none)
 */
public record ExchangeResult(double[] temperatures, double[] initialTemperatures,
    long[] attempts, double[] acceptance, long roundTrips, double meanRoundTripSweeps) {}
