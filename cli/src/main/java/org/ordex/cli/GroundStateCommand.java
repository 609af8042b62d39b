package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ordex.analysis.hull.FormationHull;
import org.ordex.analysis.hull.HullData;
import org.ordex.analysis.hull.HullFiles;
import org.ordex.cli.GroundStateCheckpoint.Found;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.sampling.ga.FixedComposition;
import org.ordex.sampling.ga.GaSettings;
import org.ordex.sampling.ga.GeneticSearch;
import org.ordex.sampling.ga.GroundStateResult;
import org.ordex.sampling.ga.ScoredOrdering;
import org.ordex.sampling.ga.SearchStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex ground-state}: genetic search for the lowest-energy orderings of each chosen
 * composition (and supercell shape) with an energy model. Writes the best distinct orderings
 * as extxyz frames and POSCAR files, a summary table, and with {@code --all-compositions} on
 * a binary system the convex hull of the results.
 */
@Command(name = "ground-state", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Find the lowest-energy orderings of each composition by a genetic search "
        + "(Jenetics; composition-preserving crossover and swaps, duplicates modulo symmetry "
        + "removed, restarts). Same --seed gives the same result for any --threads.")
final class GroundStateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SYSTEM", description = "system file (YAML)")
  Path system;

  @Mixin
  ModelOptions model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  CompositionOptions compositions;

  @Option(names = "--supercell", paramLabel = "M",
      description = "supercell instead of the system file's: NxNxN, N or nine integers; "
          + "repeat to search several shapes (give compositions as fractions then)")
  List<String> supercells = new ArrayList<>();

  @Option(names = "--population", paramLabel = "N", defaultValue = "64",
      description = "population size (default ${DEFAULT-VALUE})")
  int population;

  @Option(names = "--generations", paramLabel = "G", defaultValue = "500",
      description = "most generations per restart (default ${DEFAULT-VALUE})")
  long generations;

  @Option(names = "--steady", paramLabel = "S", defaultValue = "20",
      description = "end a restart after S generations without a lower energy "
          + "(default ${DEFAULT-VALUE})")
  int steady;

  @Option(names = "--restarts", paramLabel = "R", defaultValue = "3",
      description = "independent restarts per composition (default ${DEFAULT-VALUE})")
  int restarts;

  @Option(names = "--time-limit", paramLabel = "T",
      description = "wall-clock limit per composition, e.g. 90s, 15m, 2h (then the result "
          + "depends on the machine's speed)")
  String timeLimit;

  @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "0",
      description = "energy-evaluation budget per composition (0: none)")
  long maxEvaluations;

  @Option(names = "--selector", paramLabel = "SEL", defaultValue = "tournament:3",
      description = "tournament[:K], truncation, linear-rank or roulette "
          + "(default ${DEFAULT-VALUE})")
  String selector;

  @Option(names = "--elite", paramLabel = "N", defaultValue = "2",
      description = "best individuals kept unchanged each generation (default ${DEFAULT-VALUE})")
  int elite;

  @Option(names = "--offspring-fraction", paramLabel = "F", defaultValue = "0.6",
      description = "fraction of the population bred each generation (default "
          + "${DEFAULT-VALUE})")
  double offspringFraction;

  @Option(names = "--crossover", paramLabel = "KIND", defaultValue = "slab",
      description = "slab (periodic cut-and-splice) or uniform (default ${DEFAULT-VALUE})")
  String crossoverKind;

  @Option(names = "--crossover-probability", paramLabel = "P", defaultValue = "0.8",
      description = "probability an individual is a first parent (default ${DEFAULT-VALUE})")
  double crossover;

  @Option(names = "--mutation", paramLabel = "P", defaultValue = "0.3",
      description = "probability an offspring gets swap mutations (default ${DEFAULT-VALUE})")
  double mutation;

  @Option(names = "--memetic", paramLabel = "N", defaultValue = "auto",
      description = "relax every new ordering by greedy swaps, at most N swap-energy trials "
          + "each (0: off; auto: 4 per active site; default ${DEFAULT-VALUE})")
  String memetic;

  @Option(names = "--keep", paramLabel = "K", defaultValue = "10",
      description = "distinct orderings kept per composition (default ${DEFAULT-VALUE})")
  int keep;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "threads for the energies (default: all cores)")
  Integer threads;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "output directory")
  Path output;

  @Option(names = "--reference", paramLabel = "RUN",
      description = "an enumeration run directory of the same system and model: compare "
          + "each composition's lowest energy with the exact one (agreement within 1e-6 eV)")
  Path reference;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    SystemSpec base = Systems.load(system, null);
    List<SystemSpec> shapes = new ArrayList<>();
    if (supercells.isEmpty()) {
      shapes.add(base);
    }
    for (String m : supercells) {
      shapes.add(Systems.load(system, m));
    }
    ReferenceLowest exact = reference == null ? null
        : ReferenceLowest.read(reference, "--reference");
    EnergyModel energyModel = model.load(base);
    GaSettings settings = settings();
    List<SupercellEnergy> bound = new ArrayList<>();
    List<List<FixedComposition>> chosen = new ArrayList<>();
    for (SystemSpec s : shapes) {
      chosen.add(compositions.fixed(s.supercell()));
      bound.add(energyModel.bind(s.supercell()));
    }
    MonteCarloDirectory dir = new MonteCarloDirectory(output);
    String fingerprint = fingerprint();
    Map<String, FixedComposition> expected = new LinkedHashMap<>();
    for (int k = 0; k < shapes.size(); k++) {
      for (FixedComposition c : chosen.get(k)) {
        expected.put(prefix(shapes, k) + c.label(), c);
      }
    }
    Map<String, GroundStateResult> resumed = Map.of();
    if (dir.hasCheckpoint()) {
      resumed = GroundStateCheckpoint.read(dir.openCheckpoint(GroundStateCheckpoint.KIND,
          fingerprint), expected);
    } else {
      dir.startFresh();
    }
    List<Found> found = search(shapes, chosen, bound, settings, resumed,
        list -> GroundStateCheckpoint.save(dir, fingerprint, list));
    Path extxyz = output.resolve("ground-states.extxyz");
    List<Frame> frames = frames(found);
    Extxyz.write(extxyz, frames);
    Path poscars = AtomicFiles.createDirectory(output.resolve("poscar"));
    for (Frame f : frames) {
      String id = f.info().get("id");
      Poscar.write(poscars.resolve(id + ".vasp"), f.structure(), id + " E = "
          + f.energy() + " eV " + f.info().get("occupancy"));
    }
    writeSummary(found);
    boolean hull = writeHull(base.parent(), extxyz);
    report(found, hull, exact);
    dir.finished();
    return 0;
  }

  /**
   * The fingerprint of the checkpoint: the system and model files and every option that
   * shapes the results (not --threads, --json).
   */
  String fingerprint() {
    return MonteCarloDirectory.fingerprint(new Path[] {system, model.model},compositions.spec(), String.join(";", supercells), model.species,
        population + " " + generations + " " + steady + " " + restarts + " " + timeLimit + " "
            + maxEvaluations, selector + " " + elite + " " + offspringFraction,
        crossoverKind + " " + crossover + " " + mutation + " " + memetic, keep + " " + seed);
  }

  private static String prefix(List<SystemSpec> shapes, int k) {
    return shapes.size() > 1
        ? shapes.get(k).supercell().describe().replaceAll("[^0-9A-Za-z]+", "_") + "." : "";
  }

  /**
   * Searches every composition of every shape (taking those in {@code resumed} as they are),
   * with a progress line on stderr; {@code checkpoint} gets the results after each one.
   */
  private List<Found> search(List<SystemSpec> shapes, List<List<FixedComposition>> chosen,
      List<SupercellEnergy> bound, GaSettings settings, Map<String, GroundStateResult> resumed,
      Consumer<List<Found>> checkpoint) {
    PrintWriter err = spec.commandLine().getErr();
    long total = chosen.stream().mapToLong(List::size).sum();
    AtomicReference<SearchStatus> current = new AtomicReference<>();
    List<Found> found = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    try (Progress progress = new Progress(err, "compositions", () -> total, done::get,
        () -> status(current.get()))) {
      for (int k = 0; k < shapes.size(); k++) {
        Supercell cell = shapes.get(k).supercell();
        String prefix = prefix(shapes, k);
        for (FixedComposition c : chosen.get(k)) {
          GroundStateResult r = resumed.get(prefix + c.label());
          boolean fresh = r == null;
          if (fresh) {
            r = GeneticSearch.run(bound.get(k), c, settings, current::set);
          }
          synchronized (progress) {
            err.printf(Locale.ROOT, "%s%s: lowest %.6f eV per supercell after %d evaluations "
                + "(%d generations, %.1f s)%s%n", prefix, c.label(), r.best().energy(),
                r.evaluations(), r.generations(), r.elapsed().toMillis() / 1000.0,
                fresh ? "" : ", from the checkpoint");
            err.flush();
          }
          found.add(new Found(cell, prefix, r));
          done.incrementAndGet();
          if (fresh) {
            checkpoint.accept(found);
          }
        }
      }
    }
    return found;
  }

  private static String status(SearchStatus s) {
    return s == null ? "" : String.format(Locale.ROOT, "  (%s: restart %d, generation %d, "
        + "lowest %.6f eV, %d evaluations)", s.composition(), s.restart() + 1, s.generation(),
        s.best(), s.evaluations());
  }

  private long memeticTrials() {
    if (memetic.equals("auto")) {
      return GaSettings.AUTO_MEMETIC;
    }
    try {
      long n = Long.parseLong(memetic.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("--memetic: expected a number of trials ≥ 0 or auto, got '"
        + memetic + "'");
  }

  private GaSettings settings() {
    return GaSettings.builder().population(population).generations(generations)
        .steadyGenerations(steady).restarts(restarts)
        .timeLimit(timeLimit == null ? null
            : SpotcheckRunCommand.parseDuration("--time-limit", timeLimit))
        .maxEvaluations(maxEvaluations).selector(selector).elite(elite)
        .offspringFraction(offspringFraction).crossoverKind(crossoverKind).crossover(crossover)
        .mutation(mutation).memeticTrials(memeticTrials()).keep(keep)
        .threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
        .seed(seed).build();
  }

  private static List<Frame> frames(List<Found> found) {
    List<Frame> frames = new ArrayList<>();
    for (Found f : found) {
      int n = f.cell().activeSiteCount();
      List<ScoredOrdering> list = f.result().orderings();
      ConfigurationFrames structures = new ConfigurationFrames(f.cell(),
          list.get(0).occupation());
      for (int i = 0; i < list.size(); i++) {
        ScoredOrdering o = list.get(i);
        byte[] occ = o.occupation();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("id", id(f, i));
        info.put("supercell", f.cell().describe());
        info.put("composition", f.result().composition().label());
        info.put("rank", Integer.toString(i + 1));
        info.put("energy_per_site", String.format(Locale.ROOT, "%.10g", o.energy() / n));
        info.put("found_after", Long.toString(o.foundAfter()));
        info.put("occupancy", structures.occupancy(occ));
        frames.add(structures.frame(occ, o.energy(), info));
      }
    }
    return frames;
  }

  /** The id of the i-th ordering of a search: {@code [SHAPE.]COMPOSITION-gsN}. */
  private static String id(Found f, int i) {
    return f.prefix() + f.result().composition().label() + "-gs" + (i + 1);
  }

  private void writeSummary(List<Found> found) {
    AtomicFiles.writeText(output.resolve("summary.csv"), w -> {
      w.write("# genetic ground-state search; energies in eV per supercell, energy_per_site in "
          + "eV per active site; evaluations = full energies + swap energy changes\n");
      w.write("supercell,composition,active_sites,lowest_energy,energy_per_site,distinct_kept,"
          + "evaluations,evaluations_to_lowest,generations,restarts,seconds,id\n");
      for (Found f : found) {
        GroundStateResult r = f.result();
        int n = f.cell().activeSiteCount();
        w.write(String.format(Locale.ROOT, "%s,%s,%d,%.10g,%.10g,%d,%d,%d,%d,%d,%.3f,%s%n",
            f.cell().describe(), r.composition().label(), n, r.best().energy(),
            r.best().energy() / n, r.orderings().size(), r.evaluations(), r.evaluationsToBest(),
            r.generations(), r.restarts(), r.elapsed().toMillis() / 1000.0, id(f, 0)));
      }
    });
  }

  /**
   * With every composition of a binary system, the convex hull of the orderings found
   * (x = fraction of the first active species). Returns whether it was written.
   */
  private boolean writeHull(ParentLattice parent, Path extxyz) {
    List<String> active = new ArrayList<>();
    for (Sublattice sub : parent.sublattices()) {
      for (String name : sub.isActive() ? sub.allowedNames(parent.species()) : List.<String>of()) {
        if (!active.contains(name)) {
          active.add(name);
        }
      }
    }
    if (!compositions.all || active.size() != 2) {
      return false;
    }
    HullData data = HullData.read(List.of(extxyz), active.get(0) + "," + active.get(1));
    HullFiles.write(data, FormationHull.of(data.entries(), active.get(0), active.get(1)),
        output);
    return true;
  }

  /** Lowest energies (eV per supercell) closer than this to the exact one agree with it. */
  private static final double AGREE = 1e-6;

  private static ReferenceLowest.Entry exactFor(ReferenceLowest exact, Found f) {
    return exact == null || !exact.supercell().equals(f.cell().describe()) ? null
        : exact.byComposition().get(f.result().composition().label());
  }

  private void report(List<Found> found, boolean hull, ReferenceLowest exact) {
    PrintWriter out = spec.commandLine().getOut();
    int compared = 0;
    int agree = 0;
    double worst = 0;
    for (Found f : found) {
      ReferenceLowest.Entry e = exactFor(exact, f);
      if (e != null) {
        double d = f.result().best().energy() - e.energy();
        compared++;
        agree += Math.abs(d) <= AGREE ? 1 : 0;
        worst = Math.max(worst, d);
      }
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("system", system.toString());
      root.put("model", model.model.toString());
      root.put("seed", seed);
      root.put("output", output.toString());
      root.put("energyUnit", "eV per supercell");
      root.put("hull", hull);
      ArrayNode results = root.putArray("results");
      for (Found f : found) {
        GroundStateResult r = f.result();
        ObjectNode o = results.addObject();
        o.put("supercell", f.cell().describe());
        o.put("composition", r.composition().label());
        o.put("activeSites", f.cell().activeSiteCount());
        o.put("lowestEnergy", r.best().energy());
        o.put("id", id(f, 0));
        o.put("evaluations", r.evaluations());
        o.put("evaluationsToLowest", r.evaluationsToBest());
        o.put("generations", r.generations());
        o.put("restarts", r.restarts());
        o.put("seconds", r.elapsed().toMillis() / 1000.0);
        ArrayNode energies = o.putArray("energies");
        r.orderings().forEach(x -> energies.add(x.energy()));
        ReferenceLowest.Entry e = exactFor(exact, f);
        if (e != null) {
          o.putObject("exact").put("energy", e.energy()).put("id", e.id())
              .put("difference", r.best().energy() - e.energy());
        }
      }
      if (exact != null) {
        root.putObject("reference").put("run", reference.toString()).put("compared", compared)
            .put("agree", agree).put("largestExcess", worst).put("tolerance", AGREE);
      }
      out.println(Json.write(root));
      return;
    }
    out.printf("%-10s %-20s %16s %14s %6s %12s %12s %6s%n", "supercell", "composition",
        "lowest (eV/cell)", "eV/site", "kept", "evaluations", "to lowest", "gens");
    for (Found f : found) {
      GroundStateResult r = f.result();
      out.printf(Locale.ROOT, "%-10s %-20s %16.6f %14.6f %6d %12d %12d %6d%n",
          f.cell().describe(), r.composition().label(), r.best().energy(),
          r.best().energy() / f.cell().activeSiteCount(), r.orderings().size(),
          r.evaluations(), r.evaluationsToBest(), r.generations());
    }
    if (exact != null) {
      out.printf(Locale.ROOT, "exact lowest energies (%s): the search found %d of %d "
          + "(within %.0e eV); largest excess %.6f eV%n", reference, agree, compared, AGREE,
          worst);
    }
    out.printf("wrote %s, poscar/, summary.csv%s to %s%n", "ground-states.extxyz",
        hull ? ", hull.csv, ground-state-line.csv, hull.png, hull.svg" : "", output);
  }
}
