package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.ordex.lattice.InvalidInputException;
import org.ordex.potentials.SupercellEnergy;

/**
 * A Monte Carlo run: one independent chain per temperature, or a replica-exchange ladder of
 * chains. The run advances in rounds; in a round every unfinished chain makes a fixed number
 * of sweeps (in parallel threads), then exchanges, ladder tuning and equilibration decisions
 * are made serially. Each chain has its own random stream, so the trajectory depends on the
 * seed only — not on the number of threads — and a run saved between rounds and resumed
 * continues exactly as it would have.
 *
 * <p>Phases per chain (all chains of a replica-exchange ladder together): ladder tuning (when
 * asked), equilibration (a fixed number of sweeps, or windows until the energy stops
 * drifting), production (samples every {@code sampleInterval} sweeps, snapshots every
 * {@code snapshotInterval}), done.
 */
public final class Simulation implements AutoCloseable {
  private static final int FORMAT = 1;
  private static final long EXCHANGE_STREAM = 1L << 40;
  private static final long INITIAL_STREAM = 1L << 41;

  private final SiteLayout layout;
  private final SamplingSettings settings;
  private final Observables observables;
  private final Unit[] units;
  private final ExecutorService pool;
  private final long roundSweeps;
  private final long window;
  private double lastAcceptance = Double.NaN;

  private Simulation(SupercellEnergy model, SamplingSettings settings) {
    this.layout = SiteLayout.of(model.supercell());
    this.settings = settings;
    this.observables = new Observables(layout, settings.sroShells());
    this.roundSweeps = settings.replicaExchange() ? settings.exchangeInterval()
        : Math.max(1, 65536 / layout.sites());
    long w = Math.max(10, settings.sweeps() / 20);
    this.window = roundSweeps * ((w + roundSweeps - 1) / roundSweeps);
    int t = settings.temperatures().length;
    this.units = new Unit[settings.replicaExchange() ? 1 : t];
    this.pool = settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread th = new Thread(r, "ordex-mc");
      th.setDaemon(true);
      return th;
    }) : null;
  }

  /**
   * Starts a run. {@code initial} makes the starting occupation of each chain from that
   * chain's own random stream (see {@link Occupations}).
   */
  public static Simulation start(SupercellEnergy model, SamplingSettings settings,
      Function<Rng, byte[]> initial) {
    Simulation sim = new Simulation(model, settings);
    int chainIndex = 0;
    for (int u = 0; u < sim.units.length; u++) {
      double[] temps = sim.unitTemperatures(u);
      Chain[] chains = new Chain[temps.length];
      for (int c = 0; c < temps.length; c++) {
        byte[] occ = initial.apply(Rng.stream(settings.seed(), INITIAL_STREAM + chainIndex));
        chains[c] = new Chain(sim.layout, model, settings.ensemble(), occ,
            Rng.stream(settings.seed(), chainIndex), temps[c]);
        chainIndex++;
      }
      sim.units[u] = sim.new Unit(u, chains,
          new ReplicaLadder(temps, Rng.stream(settings.seed(), EXCHANGE_STREAM + u)));
    }
    return sim;
  }

  /** The temperatures of unit u: the whole ladder, or one temperature. */
  private double[] unitTemperatures(int u) {
    double[] t = settings.temperatures();
    return settings.replicaExchange() ? t : new double[] {t[u]};
  }

  public SiteLayout layout() {
    return layout;
  }

  public SamplingSettings settings() {
    return settings;
  }

  /** Names of the observables besides the energy, in the order of the results. */
  public List<String> observableNames() {
    return observables.names();
  }

  /** Distances (Å) of the neighbour shells of the short-range-order observables. */
  public double[] shellDistances() {
    double[] d = new double[observables.shells()];
    for (int m = 0; m < d.length; m++) {
      d[m] = observables.shellDistance(m);
    }
    return d;
  }

  public boolean finished() {
    for (Unit u : units) {
      if (!u.done) {
        return false;
      }
    }
    return true;
  }

  /** Runs one round: every unfinished chain advances, then the serial decisions are made. */
  public void round() {
    List<Runnable> work = new ArrayList<>();
    for (Unit u : units) {
      if (!u.done) {
        long end = u.roundEnd();
        for (int c = 0; c < u.chains.length; c++) {
          int chain = c;
          work.add(() -> u.advance(chain, end));
        }
      }
    }
    runAll(work);
    long tried = 0;
    long acc = 0;
    for (Unit u : units) {
      if (!u.done) {
        for (int c = 0; c < u.chains.length; c++) {
          tried += u.roundTrials[c];
          acc += u.roundAccepted[c];
        }
        u.finishRound();
      }
    }
    lastAcceptance = tried == 0 ? Double.NaN : (double) acc / tried;
  }

  private void runAll(List<Runnable> work) {
    if (pool == null || work.size() == 1) {
      work.forEach(Runnable::run);
      return;
    }
    int threads = Math.min(settings.threads(), work.size());
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      futures.add(pool.submit(() -> {
        for (int i = first; i < work.size(); i += threads) {
          work.get(i).run();
        }
      }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** Runs rounds until the run is finished. */
  public void run() {
    while (!finished()) {
      round();
    }
  }

  /** Snapshots taken since the last call, in chain order. */
  public List<Snapshot> drainSnapshots() {
    List<Snapshot> all = new ArrayList<>();
    for (Unit u : units) {
      for (List<Snapshot> b : u.snapshots) {
        all.addAll(b);
        b.clear();
      }
    }
    return all;
  }

  public SimulationProgress progress() {
    long done = 0;
    long planned = 0;
    String phase = "done";
    int rank = 4;
    for (Unit u : units) {
      int k = u.chains.length;
      done += u.sweep * k;
      long eq = u.eqEnd >= 0 ? u.eqEnd : Math.max(u.sweep, u.tuneEnd) + window;
      planned += (eq + settings.sweeps()) * k;
      int r = u.done ? 4 : u.sweep < u.tuneEnd ? 1 : u.eqEnd < 0 || u.sweep < u.eqEnd ? 2 : 3;
      if (r < rank) {
        rank = r;
        phase = new String[] {"", "tuning", "equilibration", "production", "done"}[r];
      }
    }
    return new SimulationProgress(done, planned, lastAcceptance, phase);
  }

  /** The averages per temperature (of the samples so far). */
  public List<TemperatureResult> results() {
    List<TemperatureResult> out = new ArrayList<>();
    for (Unit u : units) {
      for (int s = 0; s < u.stats.length; s++) {
        TemperatureStatistics st = u.stats[s];
        List<Estimate> obs = new ArrayList<>();
        for (int i = 0; i < observables.size(); i++) {
          obs.add(st.observable(i));
        }
        double t = u.ladder.temperature(s);
        out.add(new TemperatureResult(t, st.energy(), st.heatCapacity(t),
            observables.names(), obs, st.acceptance(), Math.max(u.eqEnd, 0), u.detected));
      }
    }
    return out;
  }

  /** Replica-exchange statistics, or null without replica exchange. */
  public ExchangeResult exchange() {
    if (!settings.replicaExchange()) {
      return null;
    }
    ReplicaLadder l = units[0].ladder;
    return new ExchangeResult(l.temperatures(), settings.temperatures(), l.attempts(),
        l.acceptance(), l.roundTrips(), l.meanRoundTrip());
  }

  /** Writes the whole state of the run (call between rounds). */
  public void save(DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    SettingsCodec.write(settings, out);
    out.writeInt(layout.sites());
    out.writeDouble(lastAcceptance);
    for (Unit u : units) {
      u.write(out);
    }
  }

  /**
   * Resumes a run saved by {@link #save}; bad input when the checkpoint belongs to another
   * run (other settings, another cell) or is damaged. {@code settings} may differ from the
   * saved ones in the thread count only.
   */
  public static Simulation resume(SupercellEnergy model, SamplingSettings settings,
      DataInput in) {
    try {
      if (in.readInt() != FORMAT) {
        throw new InvalidInputException("checkpoint has an unknown format version");
      }
      SamplingSettings saved = SettingsCodec.read(in);
      if (!saved.sameRunAs(settings)) {
        throw new InvalidInputException("the checkpoint was written by a run with other "
            + "settings; use the same options as the interrupted run, or a new output "
            + "directory");
      }
      Simulation sim = new Simulation(model, settings);
      if (in.readInt() != sim.layout.sites()) {
        throw new InvalidInputException("the checkpoint belongs to a cell with another number "
            + "of active sites");
      }
      sim.lastAcceptance = in.readDouble();
      for (int u = 0; u < sim.units.length; u++) {
        sim.units[u] = sim.readUnit(u, model, in);
      }
      return sim;
    } catch (IOException e) {
      throw new InvalidInputException("checkpoint is damaged or truncated (" + e.getMessage()
          + ")", e);
    }
  }

  private Unit readUnit(int index, SupercellEnergy model, DataInput in) throws IOException {
    int k = unitTemperatures(index).length;
    ReplicaLadder ladder = ReplicaLadder.read(in, k);
    Chain[] chains = new Chain[k];
    for (int c = 0; c < k; c++) {
      chains[c] = Chain.read(in, layout, model, settings.ensemble(),
          ladder.temperature(ladder.slotOf(c)));
    }
    Unit u = new Unit(index, chains, ladder);
    u.readRest(in);
    return u;
  }

  /** Stops the worker threads. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /**
   * The chains that share phases: one independent chain, or a whole replica-exchange ladder.
   * Temperature slot s has its own statistics; the ladder says which chain sits where.
   */
  private final class Unit {
    final int index;
    final Chain[] chains;
    final ReplicaLadder ladder;
    final TemperatureStatistics[] stats;
    final EquilibrationDetector[] detectors;
    final long tuneEnd;
    long sweep;
    long eqEnd;
    boolean detected = true;
    boolean done;
    final long[] roundTrials;
    final long[] roundAccepted;
    final List<List<Snapshot>> snapshots = new ArrayList<>();
    final double[][] values;
    final long[][] pairScratch;
    final double[] thermal;

    Unit(int index, Chain[] chains, ReplicaLadder ladder) {
      int k = chains.length;
      this.index = index;
      this.chains = chains;
      this.ladder = ladder;
      this.stats = new TemperatureStatistics[k];
      this.detectors = new EquilibrationDetector[k];
      for (int s = 0; s < k; s++) {
        stats[s] = new TemperatureStatistics(observables.size());
        detectors[s] = new EquilibrationDetector();
      }
      this.tuneEnd = roundSweeps * ((settings.tuneSweeps() + roundSweeps - 1) / roundSweeps);
      this.eqEnd = settings.equilibration() == SamplingSettings.AUTO ? -1
          : tuneEnd + settings.equilibration();
      this.roundTrials = new long[k];
      this.roundAccepted = new long[k];
      this.values = new double[k][observables.size()];
      this.pairScratch = new long[k][];
      this.thermal = new double[k];
      for (int c = 0; c < k; c++) {
        snapshots.add(new ArrayList<>());
        pairScratch[c] = observables.scratch();
      }
    }

    /** The sweep at which the current round ends. */
    long roundEnd() {
      long end = sweep + roundSweeps;
      return eqEnd >= 0 ? Math.min(end, eqEnd + settings.sweeps()) : end;
    }

    /** Advances chain c to sweep {@code end} (runs in a worker thread). */
    void advance(int c, long end) {
      Chain chain = chains[c];
      int slot = ladder.slotOf(c);
      TemperatureStatistics st = stats[slot];
      long tried = 0;
      long acc = 0;
      int n = layout.sites();
      for (long s = sweep + 1; s <= end; s++) {
        int a = chain.sweep();
        tried += n;
        acc += a;
        if (s % settings.recomputeInterval() == 0) {
          chain.recompute();
        }
        if (eqEnd >= 0 && s > eqEnd) {
          long k = s - eqEnd;
          st.moves(n, a);
          if (k % settings.sampleInterval() == 0) {
            observables.measure(chain, values[c], pairScratch[c]);
            st.record(chain.energy(), values[c]);
          }
          if (settings.snapshotInterval() > 0 && k % settings.snapshotInterval() == 0) {
            int t = settings.replicaExchange() ? slot : index;
            snapshots.get(c).add(new Snapshot(t, chain.temperature(), s, chain.energy(),
                chain.occupationView().clone()));
          }
        } else if (s > tuneEnd && eqEnd < 0) {
          detectors[slot].feed(chain.energy());
        }
      }
      roundTrials[c] = tried;
      roundAccepted[c] = acc;
    }

    void finishRound() {
      sweep = roundEnd();
      if (settings.replicaExchange()) {
        for (int c = 0; c < chains.length; c++) {
          thermal[c] = chains[c].thermalEnergy();
        }
        ladder.exchange(thermal, sweep, eqEnd, sweep <= tuneEnd);
        if (sweep <= tuneEnd) {
          ladder.retune(sweep == tuneEnd);
        }
        for (int c = 0; c < chains.length; c++) {
          chains[c].setTemperature(ladder.temperature(ladder.slotOf(c)));
        }
      }
      if (eqEnd < 0 && sweep > tuneEnd && (sweep - tuneEnd) % window == 0) {
        boolean all = true;
        for (EquilibrationDetector d : detectors) {
          all &= d.closeWindow();
        }
        if (all || sweep - tuneEnd >= Math.max(settings.sweeps(), 2 * window)) {
          eqEnd = sweep;
          detected = all;
        }
      }
      if (eqEnd >= 0 && sweep >= eqEnd + settings.sweeps()) {
        done = true;
      }
    }

    void write(DataOutput out) throws IOException {
      ladder.write(out);
      for (Chain ch : chains) {
        ch.write(out);
      }
      out.writeLong(sweep);
      out.writeLong(eqEnd);
      out.writeBoolean(detected);
      out.writeBoolean(done);
      for (int s = 0; s < stats.length; s++) {
        stats[s].write(out);
        detectors[s].write(out);
      }
    }

    void readRest(DataInput in) throws IOException {
      sweep = in.readLong();
      eqEnd = in.readLong();
      detected = in.readBoolean();
      done = in.readBoolean();
      for (int s = 0; s < stats.length; s++) {
        stats[s] = TemperatureStatistics.read(in);
        detectors[s] = EquilibrationDetector.read(in);
      }
    }
  }
}
