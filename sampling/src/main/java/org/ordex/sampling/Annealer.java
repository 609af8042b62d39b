package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ordex.lattice.InvalidInputException;
import org.ordex.potentials.SupercellEnergy;

/**
 * Simulated annealing: one chain cooled sweep by sweep along a schedule, remembering the
 * lowest configuration it has visited (lowest energy in the canonical ensemble, lowest
 * E − Σ Δμ_s N_s in the semi-grand-canonical one) — not just the last. Checkpointable between
 * calls of {@link #advance}.
 */
public final class Annealer {
  private static final int FORMAT = 1;

  private final SupercellEnergy model;
  private final AnnealingSchedule schedule;
  private final Chain chain;
  private final LowestTracker lowest = new LowestTracker();
  private long sweep;
  private long lastTrials;
  private long lastAccepted;

  private Annealer(SupercellEnergy model, AnnealingSchedule schedule, Chain chain) {
    this.model = model;
    this.schedule = schedule;
    this.chain = chain;
  }

  /**
   * An annealing run of {@code model} in {@code ensemble} (canonical or semi-grand-canonical)
   * from {@code initial}, with random stream {@code seed}.
   */
  public static Annealer start(SupercellEnergy model, Ensemble ensemble,
      AnnealingSchedule schedule, byte[] initial, long seed) {
    requireSupported(ensemble);
    Chain chain = new Chain(SiteLayout.of(model.supercell()), model, ensemble, initial,
        Rng.stream(seed, 0), schedule.temperature(0));
    Annealer a = new Annealer(model, schedule, chain);
    chain.trackLowest(a.lowest);
    return a;
  }

  private static void requireSupported(Ensemble e) {
    if (e instanceof Ensemble.VarianceConstrained) {
      throw new InvalidInputException("annealing works in the canonical or the semi-grand-"
          + "canonical ensemble, not vcsgc");
    }
  }

  public AnnealingSchedule schedule() {
    return schedule;
  }

  public boolean finished() {
    return sweep >= schedule.sweeps();
  }

  /** Sweeps made so far. */
  public long sweep() {
    return sweep;
  }

  /** Temperature of the last sweep made (the first one before any). */
  public double temperature() {
    return chain.temperature();
  }

  /** Current energy, eV per supercell. */
  public double energy() {
    return chain.energy();
  }

  /** Fraction of moves accepted during the last {@link #advance}. */
  public double acceptance() {
    return lastTrials == 0 ? Double.NaN : (double) lastAccepted / lastTrials;
  }

  /** Makes up to {@code sweeps} more sweeps of the schedule. */
  public void advance(long sweeps) {
    long t0 = chain.trials();
    long a0 = chain.accepted();
    long end = sweep + Math.min(sweeps, schedule.sweeps() - sweep);
    for (; sweep < end; sweep++) {
      chain.setTemperature(schedule.temperature(sweep));
      chain.sweep();
      if ((sweep + 1) % 100 == 0) {
        chain.recompute();
      }
    }
    lastTrials = chain.trials() - t0;
    lastAccepted = chain.accepted() - a0;
  }

  /** The lowest configuration visited (species per active site). */
  public byte[] lowest() {
    return lowest.lowest();
  }

  /** Energy of the lowest configuration, recomputed from scratch (eV per supercell). */
  public double lowestEnergy() {
    return model.energy(lowest.lowest());
  }

  /** The thermal energy (E, or E − Σ Δμ_s N_s) the lowest configuration was chosen by. */
  public double lowestThermalEnergy() {
    return lowest.lowestEnergy();
  }

  public void save(DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    SettingsCodec.writeEnsemble(chain.ensemble(), out);
    out.writeDouble(schedule.start());
    out.writeDouble(schedule.end());
    out.writeLong(schedule.sweeps());
    out.writeBoolean(schedule.geometric());
    out.writeLong(sweep);
    chain.write(out);
    out.write(lowest.lowest());
    out.writeDouble(lowest.lowestEnergy());
  }

  /**
   * Resumes an annealing run saved by {@link #save}; bad input when it was made with another
   * ensemble or schedule, or is damaged.
   */
  public static Annealer resume(SupercellEnergy model, Ensemble ensemble,
      AnnealingSchedule schedule, DataInput in) {
    try {
      if (in.readInt() != FORMAT) {
        throw new InvalidInputException("checkpoint has an unknown format version");
      }
      Ensemble saved = SettingsCodec.readEnsemble(in);
      AnnealingSchedule s = new AnnealingSchedule(in.readDouble(), in.readDouble(),
          in.readLong(), in.readBoolean());
      if (!saved.equals(ensemble) || !s.equals(schedule)) {
        throw new InvalidInputException("the checkpoint was written by an annealing run with "
            + "another ensemble or schedule; use the same options, or a new output directory");
      }
      long sweep = in.readLong();
      SiteLayout layout = SiteLayout.of(model.supercell());
      Chain chain = Chain.read(in, layout, model, ensemble, schedule.temperature(
          Math.max(0, sweep - 1)));
      byte[] best = new byte[layout.sites()];
      in.readFully(best);
      layout.check(best);
      double bestEnergy = in.readDouble();
      Annealer a = new Annealer(model, schedule, chain);
      a.sweep = sweep;
      chain.trackLowest(a.lowest);
      a.lowest.restore(chain.occupationView(), best, bestEnergy);
      return a;
    } catch (IOException e) {
      throw new InvalidInputException("checkpoint is damaged or truncated (" + e.getMessage()
          + ")", e);
    }
  }
}
