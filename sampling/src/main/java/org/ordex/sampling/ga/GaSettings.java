package org.ordex.sampling.ga;

import java.time.Duration;
import org.ordex.lattice.InvalidInputException;

/**
 * The settings of a genetic ground-state search. Stopping: each restart runs at most
 * {@code generations} generations and stops early after {@code steadyGenerations} without a
 * better best; the whole search stops when {@code timeLimit} (null: none) or
 * {@code maxEvaluations} (0: none; checked after each generation) is reached. Evolution: a
 * population of {@code population} orderings, {@code offspringFraction} of it bred each
 * generation by the {@code selector} ({@link Selection}), the {@code elite} best kept as they
 * are; crossover ({@code slab} or {@code uniform}) with probability {@code crossover} per
 * parent, swap mutation with probability {@code mutation} per offspring; with
 * {@code memeticTrials} &gt; 0 every new ordering descends by greedy swaps (at most that many
 * ΔE trials; {@link #AUTO_MEMETIC}: 4 per active site, the default). Results: the {@code keep} lowest distinct orderings. Same {@code seed} → same
 * result, for any number of {@code threads} (unless the time limit stops it).
 */
public record GaSettings(int population, long generations, int steadyGenerations, int restarts,
    Duration timeLimit, long maxEvaluations, String selector, int elite,
    double offspringFraction, String crossoverKind, double crossover, double mutation,
    long memeticTrials, int keep, int threads, long seed) {

  public GaSettings {
    require(population >= 2, "population must be at least 2, got " + population);
    require(generations >= 1, "generations must be at least 1, got " + generations);
    require(steadyGenerations >= 1, "steady generations must be at least 1, got "
        + steadyGenerations);
    require(restarts >= 1, "restarts must be at least 1, got " + restarts);
    require(timeLimit == null || !timeLimit.isNegative() && !timeLimit.isZero(),
        "time limit must be positive, got " + timeLimit);
    require(maxEvaluations >= 0, "evaluation budget must be ≥ 0 (0: none), got "
        + maxEvaluations);
    Selection.parse(selector);
    require(elite >= 0 && elite < population, "elite must be in [0, population), got " + elite);
    require(offspringFraction > 0 && offspringFraction <= 1,
        "offspring fraction must be in (0, 1], got " + offspringFraction);
    require(crossoverKind.equals("slab") || crossoverKind.equals("uniform"),
        "crossover '" + crossoverKind + "': expected slab or uniform");
    require(crossover >= 0 && crossover <= 1, "crossover probability must be in [0, 1], got "
        + crossover);
    require(mutation >= 0 && mutation <= 1, "mutation probability must be in [0, 1], got "
        + mutation);
    require(memeticTrials >= 0 || memeticTrials == AUTO_MEMETIC,
        "memetic trials must be ≥ 0 (0: off), got " + memeticTrials);
    require(keep >= 1, "keep must be at least 1, got " + keep);
    require(threads >= 1, "threads must be at least 1, got " + threads);
  }

  /** The memetic budget that scales with the cell: 4 ΔE trials per active site. */
  public static final long AUTO_MEMETIC = -1;

  /** The memetic step's ΔE trials per new ordering in a cell of {@code sites} active sites. */
  public long memeticTrials(int sites) {
    return memeticTrials == AUTO_MEMETIC ? 4L * sites : memeticTrials;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new InvalidInputException(message);
    }
  }

  /** A builder holding the defaults (see {@link Builder}). */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static GaSettings defaults() {
    return builder().build();
  }

  /**
   * Builds settings; defaults: population 64, up to 500 generations, 20 steady, 3 restarts,
   * no limits, tournament of 3, elite 2, offspring 60 %, slab crossover 0.8, mutation 0.3, no
   * memetic step of 4 ΔE trials per active site, keep 10, 1 thread, seed 1.
   */
  public static final class Builder {
    private int population = 64;
    private long generations = 500;
    private int steadyGenerations = 20;
    private int restarts = 3;
    private Duration timeLimit;
    private long maxEvaluations;
    private String selector = "tournament:3";
    private int elite = 2;
    private double offspringFraction = 0.6;
    private String crossoverKind = "slab";
    private double crossover = 0.8;
    private double mutation = 0.3;
    private long memeticTrials = AUTO_MEMETIC;
    private int keep = 10;
    private int threads = 1;
    private long seed = 1;

    private Builder() {}

    public Builder population(int n) {
      population = n;
      return this;
    }

    public Builder generations(long n) {
      generations = n;
      return this;
    }

    public Builder steadyGenerations(int n) {
      steadyGenerations = n;
      return this;
    }

    public Builder restarts(int n) {
      restarts = n;
      return this;
    }

    /** Wall-clock limit of the whole search (null: none). */
    public Builder timeLimit(Duration d) {
      timeLimit = d;
      return this;
    }

    /** Evaluation budget of the whole search (0: none). */
    public Builder maxEvaluations(long n) {
      maxEvaluations = n;
      return this;
    }

    public Builder selector(String spec) {
      selector = spec;
      return this;
    }

    public Builder elite(int n) {
      elite = n;
      return this;
    }

    public Builder offspringFraction(double f) {
      offspringFraction = f;
      return this;
    }

    /** {@code slab} or {@code uniform}. */
    public Builder crossoverKind(String kind) {
      crossoverKind = kind;
      return this;
    }

    public Builder crossover(double p) {
      crossover = p;
      return this;
    }

    public Builder mutation(double p) {
      mutation = p;
      return this;
    }

    /**
     * ΔE trials of the greedy-swap descent per new ordering (0: no memetic step;
     * {@link GaSettings#AUTO_MEMETIC}: 4 per active site).
     */
    public Builder memeticTrials(long n) {
      memeticTrials = n;
      return this;
    }

    public Builder keep(int n) {
      keep = n;
      return this;
    }

    public Builder threads(int n) {
      threads = n;
      return this;
    }

    public Builder seed(long s) {
      seed = s;
      return this;
    }

    /** The settings; bad values are bad input. */
    public GaSettings build() {
      return new GaSettings(population, generations, steadyGenerations, restarts, timeLimit,
          maxEvaluations, selector, elite, offspringFraction, crossoverKind, crossover, mutation,
          memeticTrials, keep, threads, seed);
    }
  }
}
