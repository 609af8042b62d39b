package org.ordex.sampling;

import java.util.Arrays;
import org.ordex.lattice.InvalidInputException;

/**
 * How a Monte Carlo run is made. Sweeps count one trial move per active site. Immutable; made
 * with {@link #builder}.
 *
 * @param ensemble the ensemble of every chain
 * @param temperatures K, ascending; one independent chain each, or the replica-exchange ladder
 * @param sweeps production sweeps per temperature
 * @param equilibration sweeps discarded first, or {@link #AUTO} for automatic detection
 * @param sampleInterval sweeps between samples of the observables
 * @param snapshotInterval production sweeps between snapshots (0: none)
 * @param replicaExchange whether neighbouring temperatures exchange configurations
 * @param exchangeInterval sweeps between exchange attempts
 * @param tuneSweeps sweeps of ladder tuning before equilibration (0: fixed ladder); the inner
 *     temperatures move until neighbouring pairs accept exchanges equally often
 * @param sroShells neighbour shells of the short-range order (0: none)
 * @param recomputeInterval sweeps between recomputations of the energy from scratch
 * @param seed seed of every random stream
 * @param threads worker threads (chains are spread over them; results do not depend on it)
 */
public record SamplingSettings(Ensemble ensemble, double[] temperatures, long sweeps,
    long equilibration, int sampleInterval, int snapshotInterval, boolean replicaExchange,
    int exchangeInterval, long tuneSweeps, int sroShells, int recomputeInterval, long seed,
    int threads) {

  /** Equilibration detected automatically. */
  public static final long AUTO = -1;

  public SamplingSettings {
    temperatures = temperatures.clone();
    if (temperatures.length == 0) {
      throw new InvalidInputException("no temperature given");
    }
    for (int i = 0; i < temperatures.length; i++) {
      double t = temperatures[i];
      if (!(t > 0) || Double.isInfinite(t)) {
        throw new InvalidInputException("temperatures must be positive and finite, got " + t
            + " K");
      }
      if (i > 0 && !(t > temperatures[i - 1])) {
        throw new InvalidInputException("temperatures must be distinct and ascending, got "
            + Arrays.toString(temperatures));
      }
    }
    require(sweeps > 0, "production sweeps must be positive, got " + sweeps);
    require(equilibration >= 0 || equilibration == AUTO,
        "equilibration sweeps must be ≥ 0 or auto, got " + equilibration);
    require(sampleInterval > 0, "sample interval must be positive, got " + sampleInterval);
    require(snapshotInterval >= 0, "snapshot interval must be ≥ 0, got " + snapshotInterval);
    require(exchangeInterval > 0, "exchange interval must be positive, got " + exchangeInterval);
    require(!replicaExchange || temperatures.length >= 2,
        "replica exchange needs at least two temperatures");
    require(tuneSweeps >= 0, "tuning sweeps must be ≥ 0, got " + tuneSweeps);
    require(tuneSweeps == 0 || replicaExchange && temperatures.length >= 3,
        "an adaptive ladder needs replica exchange and at least three temperatures");
    require(sroShells >= 0 && sroShells <= 10, "short-range-order shells must be 0…10, got "
        + sroShells);
    require(recomputeInterval > 0, "recompute interval must be positive");
    require(threads > 0, "threads must be positive, got " + threads);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new InvalidInputException(message);
    }
  }

  @Override
  public double[] temperatures() {
    return temperatures.clone();
  }

  /** Settings for {@code ensemble} at {@code temperatures} with {@code sweeps} production sweeps. */
  public static Builder builder(Ensemble ensemble, double[] temperatures, long sweeps) {
    return new Builder(ensemble, temperatures, sweeps);
  }

  /** Whether {@code o} describes the same run; threads may differ (they do not change results). */
  public boolean sameRunAs(SamplingSettings s) {
    return s.ensemble.equals(ensemble)
        && Arrays.equals(s.temperatures, temperatures) && s.sweeps == sweeps
        && s.equilibration == equilibration && s.sampleInterval == sampleInterval
        && s.snapshotInterval == snapshotInterval && s.replicaExchange == replicaExchange
        && s.exchangeInterval == exchangeInterval && s.tuneSweeps == tuneSweeps
        && s.sroShells == sroShells && s.recomputeInterval == recomputeInterval
        && s.seed == seed;
  }

  /** These settings with another thread count. */
  public SamplingSettings withThreads(int t) {
    return new SamplingSettings(ensemble, temperatures, sweeps, equilibration, sampleInterval,
        snapshotInterval, replicaExchange, exchangeInterval, tuneSweeps, sroShells,
        recomputeInterval, seed, t);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SamplingSettings s && sameRunAs(s) && s.threads == threads;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(temperatures) * 31 + Long.hashCode(seed);
  }

  /** Builds settings; every option has a default but the ensemble, temperatures and sweeps. */
  public static final class Builder {
    private final Ensemble ensemble;
    private final double[] temperatures;
    private final long sweeps;
    private long equilibration = AUTO;
    private int sampleInterval = 1;
    private int snapshotInterval;
    private boolean replicaExchange;
    private int exchangeInterval = 10;
    private long tuneSweeps;
    private int sroShells = 3;
    private int recomputeInterval = 100;
    private long seed = 1;
    private int threads = 1;

    private Builder(Ensemble ensemble, double[] temperatures, long sweeps) {
      this.ensemble = ensemble;
      this.temperatures = temperatures.clone();
      this.sweeps = sweeps;
    }

    public Builder equilibration(long v) {
      equilibration = v;
      return this;
    }

    public Builder sampleInterval(int v) {
      sampleInterval = v;
      return this;
    }

    public Builder snapshotInterval(int v) {
      snapshotInterval = v;
      return this;
    }

    public Builder replicaExchange(boolean v) {
      replicaExchange = v;
      return this;
    }

    public Builder exchangeInterval(int v) {
      exchangeInterval = v;
      return this;
    }

    public Builder tuneSweeps(long v) {
      tuneSweeps = v;
      return this;
    }

    public Builder sroShells(int v) {
      sroShells = v;
      return this;
    }

    public Builder recomputeInterval(int v) {
      recomputeInterval = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public SamplingSettings build() {
      return new SamplingSettings(ensemble, temperatures, sweeps, equilibration, sampleInterval,
          snapshotInterval, replicaExchange, exchangeInterval, tuneSweeps, sroShells,
          recomputeInterval, seed, threads);
    }
  }
}
