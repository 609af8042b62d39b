package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.sampling.AnnealingSchedule;
import org.ordex.sampling.Annealer;
import org.ordex.sampling.Ensemble;
import org.ordex.sampling.Rng;
import org.ordex.sampling.SiteLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ordex anneal}: simulated annealing along a cooling schedule, keeping the lowest
 * configuration visited; resumable from a checkpoint.
 */
@Command(name = "anneal", mixinStandardHelpOptions = true,
    description = "Simulated annealing: one Monte Carlo chain cooled from --from to --to over "
        + "--sweeps sweeps; writes the lowest configuration visited to DIR/lowest.extxyz and "
        + "DIR/lowest.vasp, the cooling trace to DIR/anneal.csv and DIR/summary.json. A killed "
        + "run resumes from DIR/checkpoint.bin when run again with the same options.")
final class AnnealCommand implements Callable<Integer> {
  private static final int TRACE_ROWS = 200;

  @Spec
  CommandSpec spec;

  @Mixin
  MonteCarloOptions job;

  @Option(names = "--from", paramLabel = "K", required = true,
      description = "starting temperature (K)")
  double from;

  @Option(names = "--to", paramLabel = "K", required = true,
      description = "final temperature (K)")
  double to;

  @Option(names = "--schedule", paramLabel = "KIND", defaultValue = "geometric",
      description = "geometric or linear cooling (default ${DEFAULT-VALUE})")
  String schedule;

  @Option(names = "--sweeps", paramLabel = "N", defaultValue = "10000",
      description = "sweeps of the whole schedule (default ${DEFAULT-VALUE})")
  long sweeps;

  @Override
  public Integer call() throws IOException {
    AnnealingSchedule plan = new AnnealingSchedule(from, to, sweeps,
        AnnealingSchedule.parseGeometric(schedule));
    if (from < to) {
      throw new InvalidInputException("--from " + from + " K is below --to " + to
          + " K: annealing cools from --from to --to");
    }
    MonteCarloOptions.Loaded in = job.load();
    SiteLayout layout = in.layout();
    Ensemble e = job.ensemble.ensemble(layout, false);
    Function<Rng, byte[]> starts = job.ensemble.starts(layout);
    SupercellEnergy bound = in.model().bind(layout.supercell());
    MonteCarloDirectory dir = job.directory();
    String fingerprint = job.fingerprint();
    List<String> trace = new ArrayList<>();
    Annealer annealer;
    if (dir.hasCheckpoint()) {
      DataInputStream checkpoint = dir.openCheckpoint("anneal", fingerprint);
      annealer = Annealer.resume(bound, e, plan, checkpoint);
      int rows = checkpoint.readInt();
      for (int i = 0; i < rows; i++) {
        trace.add(checkpoint.readUTF());
      }
    } else {
      dir.startFresh();
      annealer = Annealer.start(bound, e, plan, starts.apply(Rng.stream(job.seed, 1)),
          job.seed);
    }
    run(annealer, dir, fingerprint, trace);
    ObjectNode root = writeResults(in, e, annealer, dir, trace);
    dir.finished();
    PrintWriter out = spec.commandLine().getOut();
    if (job.json) {
      out.println(Json.write(root));
    } else {
      out.printf(Locale.ROOT, "%s annealing %s: %.1f K → %.1f K over %d sweeps (%s)%n",
          e.name(), in.system().name(), from, to, sweeps, plan.geometric() ? "geometric"
              : "linear");
      out.printf(Locale.ROOT, "lowest energy %.8f eV per supercell (%.8f eV per active site), "
          + "%s%n", annealer.lowestEnergy(), annealer.lowestEnergy() / layout.sites(),
          root.get("occupancy").asText());
      if (e instanceof Ensemble.SemiGrandCanonical) {
        out.printf(Locale.ROOT, "lowest E − Σ Δμ N: %.8f eV%n", annealer.lowestThermalEnergy());
      }
      out.printf("wrote %s, %s, %s and %s%n", dir.resolve("lowest.extxyz"),
          dir.resolve("lowest.vasp"), dir.resolve("anneal.csv"), dir.resolve("summary.json"));
    }
    return 0;
  }

  /** Writes lowest.extxyz, lowest.vasp, anneal.csv and summary.json; returns the summary. */
  private ObjectNode writeResults(MonteCarloOptions.Loaded in, Ensemble e, Annealer annealer,
      MonteCarloDirectory dir, List<String> trace) {
    byte[] lowest = annealer.lowest();
    ConfigurationFrames frames = new ConfigurationFrames(in.layout().supercell(), lowest);
    Map<String, String> info = new LinkedHashMap<>();
    info.put("occupancy", frames.occupancy(lowest));
    info.put("thermal_energy", Double.toString(annealer.lowestThermalEnergy()));
    Frame frame = frames.frame(lowest, annealer.lowestEnergy(), info);
    Extxyz.write(dir.resolve("lowest.extxyz"), List.of(frame));
    Poscar.write(dir.resolve("lowest.vasp"), frame.structure(), "lowest of ordex anneal, E = "
        + annealer.lowestEnergy() + " eV " + info.get("occupancy"));
    AtomicFiles.writeString(dir.resolve("anneal.csv"),
        "sweep,temperature_K,energy_eV_per_supercell,acceptance\n" + String.join("", trace));
    ObjectNode root = summary(in.system(), in.model(), e, annealer, info.get("occupancy"));
    AtomicFiles.writeString(dir.resolve("summary.json"), Json.write(root) + "\n");
    return root;
  }

  private void run(Annealer annealer, MonteCarloDirectory dir, String fingerprint,
      List<String> trace) {
    long chunk = Math.max(1, sweeps / TRACE_ROWS);
    long first = annealer.sweep();
    AtomicLong done = new AtomicLong();
    AtomicReference<String> detail = new AtomicReference<>("");
    try (Progress progress = new Progress(spec.commandLine().getErr(), "sweeps",
        () -> sweeps - first, done::get, detail::get)) {
      double lastCheckpoint = progress.seconds();
      while (!annealer.finished()) {
        annealer.advance(chunk);
        trace.add(String.format(Locale.ROOT, "%d,%s,%s,%s%n", annealer.sweep(),
            annealer.temperature(), annealer.energy(), annealer.acceptance()));
        done.set(annealer.sweep() - first);
        detail.set(String.format(Locale.ROOT, "  T %.1f K  E %.6f eV  lowest %.6f eV  "
            + "acceptance %.3f", annealer.temperature(), annealer.energy(),
            annealer.lowestThermalEnergy(), annealer.acceptance()));
        if (progress.seconds() - lastCheckpoint >= job.checkpointEvery
            && !annealer.finished()) {
          dir.saveCheckpoint("anneal", fingerprint, out -> save(annealer, trace, out));
          lastCheckpoint = progress.seconds();
        }
      }
    }
  }

  private static void save(Annealer annealer, List<String> trace, DataOutputStream out)
      throws IOException {
    annealer.save(out);
    out.writeInt(trace.size());
    for (String row : trace) {
      out.writeUTF(row);
    }
  }

  private ObjectNode summary(SystemSpec s, EnergyModel m, Ensemble e, Annealer a,
      String occupancy) {
    ObjectNode root = Json.object();
    root.put("system", s.name());
    root.put("supercell", s.supercell().describe());
    root.put("activeSites", s.supercell().activeSiteCount());
    root.put("model", m.describe());
    root.put("ensemble", e.name());
    ObjectNode sch = root.putObject("schedule");
    sch.put("from", from);
    sch.put("to", to);
    sch.put("sweeps", sweeps);
    sch.put("kind", a.schedule().geometric() ? "geometric" : "linear");
    root.put("seed", job.seed);
    root.put("lowestEnergy", a.lowestEnergy());
    root.put("lowestThermalEnergy", a.lowestThermalEnergy());
    root.put("energyUnit", "eV per supercell");
    root.put("occupancy", occupancy);
    root.put("finalEnergy", a.energy());
    return root;
  }
}
