package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ordex.analysis.spotcheck.ArrangementMapper;
import org.ordex.analysis.spotcheck.Manifest;
import org.ordex.analysis.spotcheck.SpotcheckSelector;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex spotcheck select}: picks the arrangements worth a DFT calculation from any
 * list of structures (enumeration lowest-K, GA or annealing results, Monte Carlo snapshots,
 * {@code structures} output) and writes them with a manifest saying why each was chosen.
 */
@Command(name = "select", mixinStandardHelpOptions = true,
    description = "Choose N arrangements for DFT from candidate structures: the lowest "
        + "predicted energy per composition, those near the predicted convex hull, the most "
        + "extrapolative by D-optimality on cluster-expansion correlation vectors relative to "
        + "the training set, optionally a diverse spread; never two symmetry-equivalent ones "
        + "nor one already in the training set. Writes DIR/selected.extxyz, "
        + "DIR/manifest.json (reasons, prediction in eV per cell, grade) and the same list as "
        + "a table, DIR/selected.csv.")
final class SpotcheckSelectCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "CANDIDATES",
      description = "structure files (extxyz, POSCAR, .cfg with --mlip-types); frames keep "
          + "their id= and may carry energy= (eV per cell) as the prediction")
  List<Path> inputs;

  @Option(names = "--system", required = true, paramLabel = "SYSTEM",
      description = "system file: the parent lattice the structures are arrangements of")
  Path system;

  @Mixin
  ModelOptions model;

  @Option(names = "--train", paramLabel = "FILE", split = ",",
      description = "structures already computed (files, or spot-check folders: their "
          + "structures.extxyz); they are not chosen again and anchor the D-optimal grade")
  List<Path> train = new ArrayList<>();

  @Option(names = "--cutoffs", paramLabel = "PAIR,TRIPLET,…", split = ",",
      description = "cluster-space cutoffs (Å) of the correlation vectors; default: those "
          + "of a cluster-expansion --model")
  List<Double> cutoffs;

  @Option(names = "-n", required = true, paramLabel = "N", description = "how many to choose")
  int count;

  @Option(names = "--lowest", paramLabel = "K", defaultValue = "1",
      description = "the K lowest predicted per composition (default 1)")
  int lowest;

  @Option(names = "--hull-window", paramLabel = "MEV", defaultValue = "5",
      description = "also those within MEV meV/atom above the predicted hull (default 5; 0: "
          + "none)")
  double hullWindow;

  @Option(names = "--diverse", paramLabel = "K", defaultValue = "0",
      description = "keep K slots for the farthest-point spread in correlation space")
  int diverse;

  @Option(names = "--ridge", paramLabel = "LAMBDA", defaultValue = "1e-3",
      description = "ridge of the D-optimal design matrix (default 1e-3)")
  double ridge;

  @Option(names = "--mlip-types", paramLabel = "A,B,…",
      description = "elements of MLIP types 0,1,… (reading .cfg candidates)")
  String mlipTypes;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "folder for selected.extxyz and manifest.json")
  Path dir;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    if (count < 1 || lowest < 0 || diverse < 0 || !(hullWindow >= 0) || !(ridge > 0)) {
      throw new InvalidInputException("-n must be ≥ 1, --lowest and --diverse ≥ 0, "
          + "--hull-window ≥ 0, --ridge > 0");
    }
    SystemSpec sys = Systems.load(system, null);
    ParentLattice parent = sys.parent();
    EnergyModel energyModel = model.model == null ? null : model.load(sys);
    ClusterSpace space = clusterSpace(parent, energyModel);
    ArrangementMapper mapper = new ArrangementMapper(parent, space, Double.NaN);
    MlipTypes types = mlipTypes == null ? null : MlipTypes.parse(mlipTypes);
    List<Frame> frames = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Path p : inputs) {
      List<Frame> read = FrameFiles.frames(p, types);
      String base = p.getFileName().toString().replaceAll("\\.[^.]*$", "");
      for (int i = 0; i < read.size(); i++) {
        frames.add(read.get(i));
        ids.add(read.get(i).info().getOrDefault("id", base + "-" + (i + 1)));
      }
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new InvalidInputException("candidate ids are not unique; give each frame its own "
          + "id= (e.g. from ordex structures or enumerate)");
    }
    boolean framesHaveEnergies = frames.stream().allMatch(Frame::hasEnergy);
    Map<Supercell, SupercellEnergy> bound = new HashMap<>();
    List<SpotcheckSelector.Candidate> candidates = new ArrayList<>();
    double[] predicted = new double[frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      ArrangementMapper.Mapped m = map(mapper, f, ids.get(i));
      Supercell cell = m.configuration().supercell();
      predicted[i] = energyModel != null
          ? bound.computeIfAbsent(cell, energyModel::bind).energy(m.configuration())
          : framesHaveEnergies ? f.energy() : Double.NaN;
      int[] comp = m.composition();
      candidates.add(new SpotcheckSelector.Candidate(ids.get(i),
          Composition.of(cell, comp).label(), binaryFraction(parent, comp),
          predicted[i] / f.structure().size(), m.correlations(), m.key()));
    }
    List<double[]> trainFeatures = new ArrayList<>();
    Set<String> trainKeys = new HashSet<>();
    for (Path p : train) {
      Path file = Files.isDirectory(p) ? p.resolve("structures.extxyz") : p;
      for (Frame f : FrameFiles.frames(file, types)) {
        ArrangementMapper.Mapped m = map(mapper, f, file.toString());
        trainFeatures.add(m.correlations());
        trainKeys.add(m.key());
      }
    }
    List<SpotcheckSelector.Choice> choices = SpotcheckSelector.select(candidates,
        trainFeatures, trainKeys, new SpotcheckSelector.Settings(count, lowest,
            hullWindow / 1000, diverse, ridge));
    write(frames, candidates, predicted, choices, sys);
    report(candidates, predicted, choices, space, energyModel != null || framesHaveEnergies);
    return 0;
  }

  private ClusterSpace clusterSpace(ParentLattice parent, EnergyModel energyModel) {
    if (cutoffs != null) {
      return ClusterSpace.of(parent, cutoffs.stream().mapToDouble(Double::doubleValue)
          .toArray());
    }
    if (energyModel instanceof ClusterExpansion ce) {
      return ce.space();
    }
    throw new InvalidInputException("--cutoffs is needed for the correlation vectors of the "
        + "D-optimal grade (or give a cluster expansion as --model)");
  }

  private static ArrangementMapper.Mapped map(ArrangementMapper mapper, Frame f, String what) {
    return mapper.map(f.structure(), what);
  }

  /** Fraction of the first active species when exactly two species are active; else NaN. */
  static double binaryFraction(ParentLattice parent, int[] composition) {
    int first = -1;
    int active = 0;
    int total = 0;
    for (int sp = 0; sp < composition.length; sp++) {
      if (composition[sp] > 0 || isActive(parent, sp)) {
        if (isActive(parent, sp)) {
          active++;
          first = first < 0 ? sp : first;
          total += composition[sp];
        }
      }
    }
    return active == 2 ? composition[first] / (double) total : Double.NaN;
  }

  private static boolean isActive(ParentLattice parent, int sp) {
    return parent.sublattices().stream().anyMatch(s -> s.isActive() && s.allows(sp));
  }

  private void write(List<Frame> frames, List<SpotcheckSelector.Candidate> candidates,
      double[] predicted, List<SpotcheckSelector.Choice> choices, SystemSpec sys) {
    List<Frame> out = new ArrayList<>();
    List<Manifest.Entry> entries = new ArrayList<>();
    StringBuilder csv = new StringBuilder("# the arrangements chosen for DFT, in order; "
        + "predicted energy in eV per cell; grade: D-optimal leverage given the training set "
        + "alone (> 1 extrapolates; the reasons give it given the earlier choices too)\n"
        + "id,composition,atoms,predicted_eV_per_cell,grade,hull_distance_meV_per_atom,"
        + "reasons\n");
    for (SpotcheckSelector.Choice c : choices) {
      Frame f = frames.get(c.index());
      SpotcheckSelector.Candidate cand = candidates.get(c.index());
      Map<String, String> info = new LinkedHashMap<>(f.info());
      info.put("id", cand.id());
      info.put("composition", cand.composition());
      info.put("reasons", String.join(";", c.reasons()));
      if (!Double.isNaN(predicted[c.index()])) {
        info.put("predicted", Double.toString(predicted[c.index()]));
      }
      info.put("grade", Double.toString(c.grade()));
      if (!Double.isNaN(c.hullDistance())) {
        info.put("hull_distance_eV_per_atom", Double.toString(c.hullDistance()));
      }
      out.add(new Frame(f.structure(), Double.NaN, null, null, info));
      csv.append(Csv.field(cand.id())).append(',').append(Csv.field(cand.composition()))
          .append(',').append(f.structure().size()).append(',')
          .append(Double.isNaN(predicted[c.index()]) ? "" : predicted[c.index()]).append(',')
          .append(c.grade()).append(',')
          .append(Double.isNaN(c.hullDistance()) ? "" : 1e3 * c.hullDistance()).append(',')
          .append(Csv.field(String.join("; ", c.reasons()))).append('\n');
      Map<String, String> entryInfo = new LinkedHashMap<>(info);
      entryInfo.keySet().removeAll(List.of("id", "reasons", "predicted", "grade"));
      entries.add(new Manifest.Entry(cand.id(), cand.id(), f.structure().formula(),
          f.structure().size(), c.reasons(), predicted[c.index()], c.grade(), entryInfo));
    }
    Manifest manifest = new Manifest(sys.source().toString(),
        model.model == null ? "" : model.model.toString(), entries);
    org.ordex.lattice.AtomicFiles.createDirectory(dir);
    Extxyz.write(dir.resolve("selected.extxyz"), out);
    manifest.write(dir.resolve(Manifest.FILE_NAME));
    org.ordex.lattice.AtomicFiles.writeString(dir.resolve("selected.csv"), csv.toString());
  }

  private void report(List<SpotcheckSelector.Candidate> candidates, double[] predicted,
      List<SpotcheckSelector.Choice> choices, ClusterSpace space, boolean energies) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("candidates", candidates.size());
      root.put("correlationFunctions", space.size());
      root.put("chosen", choices.size());
      root.put("energyUnit", "eV per cell (predicted)");
      ArrayNode list = root.putArray("selection");
      for (SpotcheckSelector.Choice c : choices) {
        ObjectNode o = list.addObject();
        o.put("id", candidates.get(c.index()).id());
        o.put("composition", candidates.get(c.index()).composition());
        if (!Double.isNaN(predicted[c.index()])) {
          o.put("predicted", predicted[c.index()]);
        }
        o.put("grade", c.grade());
        ArrayNode r = o.putArray("reasons");
        c.reasons().forEach(r::add);
      }
      out.println(Json.write(root));
      return;
    }
    out.printf("%d candidates, %d correlation functions%s; chose %d (grade: D-optimal "
        + "leverage given the training set, > 1 extrapolates)%n", candidates.size(),
        space.size(), energies ? "" : ", no predicted energies", choices.size());
    out.printf("%-22s %-12s %16s %10s  %s%n", "id", "composition", "predicted_eV", "grade",
        "why");
    for (SpotcheckSelector.Choice c : choices) {
      SpotcheckSelector.Candidate cand = candidates.get(c.index());
      out.printf(Locale.ROOT, "%-22s %-12s %16.6f %10.3g  %s%n", cand.id(), cand.composition(),
          predicted[c.index()], c.grade(), String.join("; ", c.reasons()));
    }
    out.printf("wrote %s and %s%n", dir.resolve("selected.extxyz"),
        dir.resolve(Manifest.FILE_NAME));
  }
}
