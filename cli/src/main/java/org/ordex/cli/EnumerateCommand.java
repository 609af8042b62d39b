package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.ChunkPlan;
import org.ordex.enumeration.ChunkPlan.Chunk;
import org.ordex.enumeration.EnumerationResult;
import org.ordex.enumeration.Enumerator;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ordex enumerate}: scores every arrangement (or one per orbit) of the chosen
 * compositions with an energy model into exact partition functions, densities of states and
 * the lowest arrangements; sharded, multi-threaded, resumable.
 */
@Command(name = "enumerate", mixinStandardHelpOptions = true,
    description = "Score every arrangement (or, with --distinct, one per symmetry orbit with "
        + "its multiplicity) of the chosen compositions with an energy model: exact partition "
        + "functions, F, U, S, C_v and sublattice occupations on a temperature grid "
        + "(thermo.csv), the density of states (dos.csv) and the K lowest arrangements "
        + "(lowest.extxyz, lowest/). Finished chunks are kept in DIR/chunks: running the same "
        + "command again resumes; --shard i/N does part i of N (combine with ordex merge).")
final class EnumerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SystemOptions system;

  @Mixin
  ModelOptions model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  CompositionOptions compositions;

  @Option(names = "--distinct",
      description = "one arrangement per symmetry orbit, weighted by its multiplicity")
  boolean distinct;

  @Option(names = "--temperatures", paramLabel = "T", defaultValue = "100:2000:50",
      description = "temperature grid in K: FROM:TO:STEP, or a list T1,T2,… "
          + "(default ${DEFAULT-VALUE}); the lowest sets the energy bin width k_B·T_min")
  String temperatures;

  @Option(names = "--lowest", paramLabel = "K", defaultValue = "10",
      description = "keep the K lowest arrangements of each composition (default "
          + "${DEFAULT-VALUE})")
  int lowest;

  @Option(names = "--shard", paramLabel = "i/N", defaultValue = "1/1",
      description = "do part i of N (1 ≤ i ≤ N) of the chunks")
  String shard;

  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: all processors)")
  Integer threads;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "run directory (created; an existing run of the same command resumes)")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    int[] part = parseShard(shard);
    double[] grid = Temperatures.parse(temperatures, "--temperatures");
    if (lowest < 0) {
      throw new InvalidInputException("--lowest " + lowest + ": expected K ≥ 0");
    }
    int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (nThreads < 1) {
      throw new InvalidInputException("--threads " + nThreads + ": expected at least 1");
    }
    SystemSpec s = system.load();
    EnergyModel energyModel = model.load(s);
    List<ArrangementSpace> spaces = compositions.spaces(s.supercell());
    EnumerationRun run = new EnumerationRun(system.file.toAbsolutePath().normalize(),
        FileDigest.sha256(system.file), system.supercell, compositions.spec(),
        model.model.toAbsolutePath().normalize(), FileDigest.sha256(model.model),
        model.species, energyModel.describe(), distinct, grid, lowest,
        distinct ? ChunkPlan.DISTINCT_CHUNK : ChunkPlan.DEFAULT_CHUNK, shard);
    ChunkPlan plan = run.plan(spaces);
    List<Chunk> mine = plan.shard(part[0], part[1]);
    RunDirectory dir = RunDirectory.create(output, run);
    EnumerationResult result = dir.load(plan, run.binWidth());
    List<Chunk> todo = result.missing(mine);
    PrintWriter err = spec.commandLine().getErr();
    if (todo.size() < mine.size()) {
      err.printf("resuming %s: %d of %d chunks already done%n", output,
          mine.size() - todo.size(), mine.size());
    }
    long ranks = todo.stream().mapToLong(Chunk::size).sum();
    LongAdder done = new LongAdder();
    Enumerator enumerator = Enumerator.of(plan, energyModel.bind(s.supercell()), distinct,
        run.binWidth(), lowest);
    double seconds;
    try (Progress progress = new Progress(err, "arrangements", ranks, done)) {
      enumerator.run(todo, nThreads, r -> {
        dir.save(r);
        result.add(r);
      }, done);
      seconds = progress.seconds();
    }
    ObjectNode summary = new EnumerationReport(dir, run, s, spaces, result).write();
    summary.put("seconds", seconds);
    summary.put("arrangementsPerSecond", ranks / Math.max(seconds, 1e-9));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(summary));
    } else {
      out.printf("%s: %s%n", energyModel.describe(), distinct ? "symmetry-distinct arrangements"
          : "all arrangements");
      EnumerationReport.print(out, summary);
      out.printf(Locale.ROOT, "scored %,d ranks in %.2f s (%,.0f arrangements/s, %d threads); "
          + "wrote %s%n", ranks, seconds, ranks / Math.max(seconds, 1e-9), nThreads, output);
    }
    return 0;
  }

  /** Parses {@code i/N} with 1 ≤ i ≤ N; anything else is bad input. */
  static int[] parseShard(String text) {
    String[] p = text.trim().split("/");
    try {
      if (p.length == 2) {
        int i = Integer.parseInt(p[0].trim());
        int n = Integer.parseInt(p[1].trim());
        if (n >= 1 && i >= 1 && i <= n) {
          return new int[] {i, n};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("--shard '" + text + "': expected i/N with 1 ≤ i ≤ N, "
        + "e.g. 2/8");
  }
}
