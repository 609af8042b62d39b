package org.ordex.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.sampling.Ensemble;
import org.ordex.sampling.Ladder;
import org.ordex.sampling.SimulationProgress;
import org.ordex.sampling.Rng;
import org.ordex.sampling.SamplingSettings;
import org.ordex.sampling.Simulation;
import org.ordex.sampling.SiteLayout;
import org.ordex.sampling.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ordex sample}: Metropolis Monte Carlo of a system with an energy model — canonical
 * swaps, semi-grand-canonical or variance-constrained flips — at independent temperatures or
 * on a replica-exchange ladder; averages with error bars per temperature, snapshots, and a
 * checkpoint from which a killed run resumes.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Metropolis Monte Carlo: averages (energy, heat capacity, composition, "
        + "species fraction per sublattice, short-range order) with blocking-analysis error "
        + "bars per temperature, written to DIR/summary.csv and DIR/summary.json. A killed run "
        + "resumes from DIR/checkpoint.bin when run again with the same options.")
final class SampleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  MonteCarloOptions job;

  @Option(names = "--temperatures", paramLabel = "T", required = true,
      description = "K: a list 300,600,900 or a range 300:1500:100; with --replicas N the "
          + "two ends of a geometric ladder")
  String temperatures;

  @Option(names = "--replica-exchange",
      description = "exchange configurations between neighbouring temperatures")
  boolean replicaExchange;

  @Option(names = "--replicas", paramLabel = "N",
      description = "replica exchange on a geometric ladder of N temperatures between the two "
          + "given")
  Integer replicas;

  @Option(names = "--exchange-every", paramLabel = "K", defaultValue = "10",
      description = "sweeps between exchange attempts (default ${DEFAULT-VALUE})")
  int exchangeEvery;

  @Option(names = "--adaptive-ladder", paramLabel = "SWEEPS", defaultValue = "0",
      description = "first tune the inner temperatures for SWEEPS sweeps so that every "
          + "neighbouring pair accepts exchanges equally often")
  long tuneSweeps;

  @Option(names = "--sweeps", paramLabel = "N", defaultValue = "10000",
      description = "production sweeps per temperature (one sweep = one trial move per "
          + "active site; default ${DEFAULT-VALUE})")
  long sweeps;

  @Option(names = "--equilibration", paramLabel = "N|auto", defaultValue = "auto",
      description = "sweeps to discard first, or auto: until the mean energy of consecutive "
          + "windows agrees within errors (default ${DEFAULT-VALUE})")
  String equilibration;

  @Option(names = "--sample-every", paramLabel = "K", defaultValue = "1",
      description = "sweeps between samples of the observables (default ${DEFAULT-VALUE})")
  int sampleEvery;

  @Option(names = "--snapshot-every", paramLabel = "K", defaultValue = "0",
      description = "write a snapshot to DIR/snapshots.extxyz every K production sweeps")
  int snapshotEvery;

  @Option(names = "--sro-shells", paramLabel = "N", defaultValue = "3",
      description = "neighbour shells of the Warren–Cowley short-range order (default "
          + "${DEFAULT-VALUE})")
  int sroShells;

  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: one per temperature, at most the cores)")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    MonteCarloOptions.Loaded in = job.load();
    SiteLayout layout = in.layout();
    SamplingSettings settings = settings(layout);
    Function<Rng, byte[]> starts = job.ensemble.starts(layout);
    SupercellEnergy bound = in.model().bind(layout.supercell());
    MonteCarloDirectory dir = job.directory();
    String fingerprint = job.fingerprint();
    Simulation sim;
    if (dir.hasCheckpoint()) {
      sim = Simulation.resume(bound, settings, dir.openCheckpoint("sample", fingerprint));
      spec.commandLine().getErr().printf(Locale.ROOT, "resuming from %s (%d sweeps done)%n",
          dir.checkpoint(), sim.progress().sweepsDone());
    } else {
      dir.startFresh();
      sim = Simulation.start(bound, settings, starts);
    }
    try (sim) {
      run(sim, dir, fingerprint, layout.supercell());
      SampleReport report = new SampleReport(in.system(), in.model(), sim);
      report.write(dir.resolve("summary.csv"), dir.resolve("summary.json"));
      dir.finished();
      PrintWriter out = spec.commandLine().getOut();
      if (job.json) {
        out.println(Json.write(report.json()));
      } else {
        report.printText(out, job.output);
      }
    }
    return 0;
  }

  private void run(Simulation sim, MonteCarloDirectory dir, String fingerprint,
      Supercell cell) {
    long sites = sim.layout().sites();
    long first = sim.progress().sweepsDone();
    AtomicLong done = new AtomicLong();
    AtomicLong planned = new AtomicLong();
    AtomicReference<String> detail = new AtomicReference<>("");
    ConfigurationFrames frames = null;
    try (Progress progress = new Progress(spec.commandLine().getErr(), "trial steps",
        planned::get, done::get, detail::get)) {
      double lastCheckpoint = progress.seconds();
      while (!sim.finished()) {
        sim.round();
        List<Snapshot> snaps = sim.drainSnapshots();
        if (!snaps.isEmpty()) {
          if (frames == null) {
            frames = new ConfigurationFrames(cell, snaps.get(0).occupation());
          }
          dir.appendSnapshots(snapshotText(frames, snaps));
        }
        SimulationProgress p = sim.progress();
        planned.set((p.sweepsPlanned() - first) * sites);
        done.set((p.sweepsDone() - first) * sites);
        detail.set(String.format(Locale.ROOT, "  acceptance %.3f  %s", p.acceptance(),
            p.phase()));
        if (progress.seconds() - lastCheckpoint >= job.checkpointEvery && !sim.finished()) {
          dir.saveCheckpoint("sample", fingerprint, sim::save);
          lastCheckpoint = progress.seconds();
        }
      }
    }
  }

  private static String snapshotText(ConfigurationFrames frames, List<Snapshot> snaps) {
    StringBuilder b = new StringBuilder();
    for (Snapshot sn : snaps) {
      Map<String, String> info = new LinkedHashMap<>();
      info.put("temperature", String.format(Locale.ROOT, "%.6g", sn.temperature()));
      info.put("sweep", Long.toString(sn.sweep()));
      info.put("occupancy", frames.occupancy(sn.occupation()));
      b.append(Extxyz.format(frames.frame(sn.occupation(), sn.energy(), info)));
    }
    return b.toString();
  }

  private SamplingSettings settings(SiteLayout layout) {
    Ensemble e = job.ensemble.ensemble(layout, true);
    double[] t = Temperatures.parse(temperatures, "--temperatures");
    if (replicas != null) {
      if (!replicaExchange) {
        throw new InvalidInputException("--replicas needs --replica-exchange");
      }
      if (t.length != 2) {
        throw new InvalidInputException("--replicas " + replicas + " needs exactly two "
            + "--temperatures (the ends of the ladder), got " + t.length);
      }
      t = Ladder.geometric(t[0], t[1], replicas);
    }
    long eq;
    if (equilibration.equalsIgnoreCase("auto")) {
      eq = SamplingSettings.AUTO;
    } else {
      try {
        eq = Long.parseLong(equilibration.trim());
      } catch (NumberFormatException ex) {
        throw new InvalidInputException("--equilibration '" + equilibration
            + "': expected a number of sweeps or auto");
      }
      if (eq < 0) {
        throw new InvalidInputException("--equilibration must be ≥ 0 sweeps or auto, got "
            + eq);
      }
    }
    int th = threads != null ? threads
        : Math.max(1, Math.min(t.length, Runtime.getRuntime().availableProcessors()));
    return SamplingSettings.builder(e, t, sweeps).equilibration(eq).sampleInterval(sampleEvery)
        .snapshotInterval(snapshotEvery).replicaExchange(replicaExchange)
        .exchangeInterval(exchangeEvery).tuneSweeps(tuneSweeps).sroShells(sroShells)
        .seed(job.seed)
        .threads(th).build();
  }
}
