package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.Units;

/**
 * One Markov chain: a working configuration with its incremental energy evaluator, its own
 * random stream, and the moves of its ensemble at one temperature. The chain keeps its own
 * copy of the energy (updated by the accepted ΔE and reset from scratch every
 * {@code recompute} call), of the occupation and of the species counts (total and per
 * sublattice), so that a sweep touches nothing but primitive arrays and the evaluator. A
 * sweep is one trial move per active site. Not thread-safe: one thread at a time.
 * {@link Simulation} and {@link Annealer} drive chains; {@link #of} makes a bare one (e.g.
 * for a benchmark or a custom schedule).
 */
public final class Chain {
  private final Ensemble ensemble;
  private final MoveEvaluator evaluator;
  private final Rng rng;
  private final int sites;
  private final int species;
  private final byte[] occupation;
  private final int[] sublatticeOf;
  private final int[][] allowed;
  private final long[] allowedMask;
  private final boolean uniformGroups;
  private final int[] counts;
  private final int[] sublatticeCounts;
  private final SwapLists swapLists;
  private LowestTracker lowest;
  private double energy;
  private double temperature;
  private double beta;
  private long trials;
  private long accepted;

  Chain(SiteLayout layout, SupercellEnergy model, Ensemble ensemble, byte[] occupation,
      Rng rng, double temperature) {
    this(layout, model, ensemble, occupation, rng, temperature, null);
  }

  /**
   * A chain of {@code model}'s supercell in {@code ensemble} at {@code temperature} (K),
   * starting from {@code occupation}, with random stream {@code seed}.
   */
  public static Chain of(SupercellEnergy model, Ensemble ensemble, byte[] occupation,
      double temperature, long seed) {
    return new Chain(SiteLayout.of(model.supercell()), model, ensemble, occupation,
        Rng.stream(seed, 0), temperature);
  }

  private Chain(SiteLayout layout, SupercellEnergy model, Ensemble ensemble, byte[] occupation,
      Rng rng, double temperature, int[] swapOrder) {
    layout.check(occupation);
    this.ensemble = ensemble;
    this.evaluator = model.evaluator(occupation);
    this.rng = rng;
    this.sites = layout.sites();
    this.species = layout.speciesCount();
    this.occupation = occupation.clone();
    this.sublatticeOf = new int[sites];
    this.allowed = new int[layout.sublattices()][];
    this.allowedMask = new long[layout.sublattices()];
    for (int k = 0; k < allowed.length; k++) {
      allowed[k] = layout.allowed(k);
      for (int s : allowed[k]) {
        allowedMask[k] |= 1L << s;
      }
    }
    boolean uniform = true;
    for (int k = 0; k < allowed.length; k++) {
      for (int m = 0; m < allowed.length; m++) {
        if (layout.groupOfSublattice(k) == layout.groupOfSublattice(m)
            && allowedMask[k] != allowedMask[m]) {
          uniform = false;
        }
      }
    }
    this.uniformGroups = uniform;
    this.counts = new int[species];
    this.sublatticeCounts = new int[allowed.length * species];
    for (int a = 0; a < sites; a++) {
      sublatticeOf[a] = layout.sublatticeOf(a);
      counts[occupation[a]]++;
      sublatticeCounts[sublatticeOf[a] * species + occupation[a]]++;
    }
    this.swapLists = !ensemble.swaps() ? null
        : swapOrder == null ? new SwapLists(layout, occupation)
        : SwapLists.restore(layout, occupation, swapOrder);
    this.energy = evaluator.energy();
    setTemperature(temperature);
  }

  /** Sets the temperature (K) of the following sweeps. */
  public void setTemperature(double t) {
    this.temperature = t;
    this.beta = 1.0 / (Units.KB * t);
  }

  public double temperature() {
    return temperature;
  }

  Ensemble ensemble() {
    return ensemble;
  }

  /** Energy of the working configuration, eV per supercell. */
  public double energy() {
    return energy;
  }

  /** The ensemble's thermal energy (see {@link Ensemble#thermalEnergy}). */
  double thermalEnergy() {
    return ensemble.thermalEnergy(energy, counts);
  }

  /** Trial moves made so far. */
  public long trials() {
    return trials;
  }

  /** Accepted moves so far. */
  public long accepted() {
    return accepted;
  }

  /** Species on active site a. */
  int species(int a) {
    return occupation[a];
  }

  /** The working occupation (read-only view for observers: do not modify). */
  byte[] occupationView() {
    return occupation;
  }

  /** Number of active sites holding species s. */
  int count(int s) {
    return counts[s];
  }

  /** Number of sites of active sublattice k holding species s. */
  int sublatticeCount(int k, int s) {
    return sublatticeCounts[k * species + s];
  }

  /**
   * Writes the chain's state: generator, energy (the saved value, not a recomputation, so a
   * resumed chain continues bit for bit), counters, occupation and swap-list order.
   */
  void write(DataOutput out) throws IOException {
    for (long v : rng.state()) {
      out.writeLong(v);
    }
    out.writeDouble(energy);
    out.writeLong(trials);
    out.writeLong(accepted);
    out.write(occupation);
    if (swapLists != null) {
      for (int v : swapLists.order()) {
        out.writeInt(v);
      }
    }
  }

  /** A chain saved by {@link #write}; bad input when the saved occupation does not fit. */
  static Chain read(DataInput in, SiteLayout layout, SupercellEnergy model, Ensemble ensemble,
      double temperature) throws IOException {
    Rng rng = Rng.ofState(new long[] {in.readLong(), in.readLong(), in.readLong(),
        in.readLong()});
    double energy = in.readDouble();
    long trials = in.readLong();
    long accepted = in.readLong();
    byte[] occ = new byte[layout.sites()];
    in.readFully(occ);
    int[] order = null;
    if (ensemble.swaps()) {
      order = new int[occ.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = in.readInt();
      }
    }
    Chain c = new Chain(layout, model, ensemble, occ, rng, temperature, order);
    c.energy = energy;
    c.trials = trials;
    c.accepted = accepted;
    return c;
  }

  /**
   * Makes the chain remember the configuration of lowest thermal energy it visits (the
   * energy for swaps, E − Σ Δμ_s N_s for semi-grand-canonical flips).
   */
  void trackLowest(LowestTracker tracker) {
    this.lowest = tracker;
    tracker.start(occupation, thermalEnergy());
  }

  /** Recomputes the energy from scratch (ends round-off drift) and returns it. */
  double recompute() {
    energy = evaluator.recompute();
    return energy;
  }

  /** One sweep: a trial move per active site. Returns the number accepted. */
  public int sweep() {
    int acc = ensemble.swaps() ? swapSteps(sites) : flipSteps(sites);
    trials += sites;
    accepted += acc;
    return acc;
  }

  private int swapSteps(int steps) {
    int acc = 0;
    for (int t = 0; t < steps; t++) {
      int i = rng.nextInt(sites);
      int a = occupation[i];
      int j = swapLists.partner(i, a, rng);
      if (j < 0) {
        continue;
      }
      int b = occupation[j];
      if (!uniformGroups && ((allowedMask[sublatticeOf[i]] >>> b & 1L) == 0
          || (allowedMask[sublatticeOf[j]] >>> a & 1L) == 0)) {
        continue;
      }
      double de = evaluator.swapDelta(i, j);
      if (de > 0 && !accept(-beta * de)) {
        continue;
      }
      evaluator.applySwap(i, j, de);
      energy += de;
      occupation[i] = (byte) b;
      occupation[j] = (byte) a;
      swapLists.swapped(i, j);
      int ki = sublatticeOf[i] * species;
      int kj = sublatticeOf[j] * species;
      sublatticeCounts[ki + a]--;
      sublatticeCounts[ki + b]++;
      sublatticeCounts[kj + b]--;
      sublatticeCounts[kj + a]++;
      acc++;
      if (lowest != null) {
        lowest.moved(i, b, j, a, energy);
      }
    }
    return acc;
  }

  private int flipSteps(int steps) {
    int acc = 0;
    for (int t = 0; t < steps; t++) {
      int i = rng.nextInt(sites);
      int a = occupation[i];
      int[] choices = allowed[sublatticeOf[i]];
      int m = choices.length - 1;
      int b = choices[rng.nextInt(m)];
      if (b == a) {
        b = choices[m];
      }
      double de = evaluator.flipDelta(i, b);
      double lnw = -beta * de + ensemble.flipLogBias(a, b, counts, sites, beta);
      if (lnw < 0 && !accept(lnw)) {
        continue;
      }
      evaluator.applyFlip(i, b, de);
      energy += de;
      occupation[i] = (byte) b;
      counts[a]--;
      counts[b]++;
      int k = sublatticeOf[i] * species;
      sublatticeCounts[k + a]--;
      sublatticeCounts[k + b]++;
      acc++;
      if (lowest != null) {
        lowest.moved(i, b, -1, 0, ensemble.thermalEnergy(energy, counts));
      }
    }
    return acc;
  }

  /**
   * Metropolis test of a move with log-weight lnw &lt; 0: accepted with probability e^lnw (no
   * random draw when e^lnw &lt; 10^−17). Since 1 + x ≤ e^x ≤ 1/(1 − x) for x &lt; 0, most draws
   * are decided without computing the exponential; the decision is the same.
   */
  private boolean accept(double lnw) {
    if (lnw <= -40) {
      return false;
    }
    double u = rng.nextDouble();
    if (u < 1 + lnw) {
      return true;
    }
    if (u * (1 - lnw) >= 1) {
      return false;
    }
    return u < Math.exp(lnw);
  }
}
