package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.DftResult;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.StructureMapper;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.CrossValidation;
import org.ordex.potentials.ce.FitData;
import org.ordex.potentials.ce.FitReport;
import org.ordex.potentials.ce.Fitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex spotcheck ingest DIR}: collects the DFT results of a spot-check folder into
 * {@code DIR/results.extxyz} and {@code DIR/results.csv}, optionally appends them to a
 * training set and refits a cluster expansion, reporting how its errors changed.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read the DFT result of every arrangement of DIR/manifest.json, check it "
        + "against the arrangement selected (with --system: the computed structure must map "
        + "back onto it), write DIR/results.extxyz (energy= eV per cell, moments, code, wall "
        + "time) and DIR/results.csv; --add-to appends them to a training set (same id: "
        + "replaced); --model with --refit-output refits that cluster expansion on the "
        + "training set and reports the errors before and after. Exit code 3 when any result "
        + "is missing (each with its reason); the others are kept.")
final class SpotcheckIngestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "spot-check folder")
  Path dir;

  @Option(names = "--result", paramLabel = "NAME",
      description = "output file name in each folder (default: the first of result.json, "
          + "vasprun.xml, OUTCAR, pw.out, ordex-run.out)")
  String resultName;

  @Option(names = "--system", paramLabel = "SYSTEM",
      description = "map computed structures back onto the lattice and check them")
  Path system;

  @Option(names = "--add-to", paramLabel = "TRAIN.extxyz",
      description = "training set to extend (created when missing)")
  Path train;

  @Option(names = "--model", paramLabel = "CE.json",
      description = "cluster expansion to compare with and refit (needs --system, --add-to)")
  Path model;

  @Option(names = "--refit-output", paramLabel = "NEW.json",
      description = "where to write the refitted cluster expansion")
  Path refitOutput;

  @Option(names = "--fit", paramLabel = "METHOD", defaultValue = "ridge",
      description = "refit method: lasso, ridge or ols (default: ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--cv", paramLabel = "SPEC", defaultValue = "loo",
      description = "refit cross-validation: kfold:K, loo or shuffle:S:F (default: "
          + "${DEFAULT-VALUE})")
  String cv;

  @Option(names = "--mlip-types", paramLabel = "A,B,…",
      description = "elements of MLIP types 0,1,… (outputs in .cfg)")
  String mlipTypes;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    if (model != null && (system == null || train == null)) {
      throw new InvalidInputException("--model needs --system and --add-to (the refit runs on "
          + "the training set)");
    }
    if (model != null && model.getFileName().toString().toLowerCase(Locale.ROOT)
        .endsWith(".mtp")) {
      throw new InvalidInputException("--model " + model + ": ingest refits cluster "
          + "expansions (.json) only; retrain a Moment Tensor Potential on the extended "
          + "training set with 'ordex mtp train " + (train == null ? "TRAIN.extxyz" : train)
          + " --species … --init " + model + " -o NEW.mtp'");
    }
    if (refitOutput != null) {
      AtomicFiles.requireWritable(refitOutput);
    }
    SystemSpec sys = system == null ? null : Systems.load(system, null);
    List<SpotcheckResults.Outcome> outcomes = SpotcheckResults.read(dir, resultName,
        mlipTypes == null ? null : MlipTypes.parse(mlipTypes),
        sys == null ? null : sys.parent());
    List<Frame> frames = new ArrayList<>();
    for (SpotcheckResults.Outcome o : outcomes) {
      if (o.ok()) {
        frames.add(frame(o));
      }
    }
    Extxyz.write(dir.resolve("results.extxyz"), frames);
    AtomicFiles.writeString(dir.resolve("results.csv"), csv(outcomes));
    ObjectNode refit = null;
    if (train != null) {
      List<Frame> before = Files.isRegularFile(train) ? Extxyz.read(train) : List.of();
      List<Frame> after = merged(before, frames);
      if (model != null) {
        refit = refit(sys, before, after, frames);
      }
      Extxyz.write(train, after);
    }
    report(outcomes, frames.size(), refit);
    return outcomes.stream().allMatch(SpotcheckResults.Outcome::ok) ? 0
        : SpotcheckRunCommand.FAILED;
  }

  /** The computed structure with its DFT energy and what is known about the result. */
  private static Frame frame(SpotcheckResults.Outcome o) {
    DftResult r = o.result();
    Map<String, String> info = new LinkedHashMap<>();
    if (o.selected() != null) {
      info.putAll(o.selected().info());
    }
    info.putAll(o.entry().info());
    info.put("id", o.entry().id());
    info.put("dft_code", r.code());
    if (!Double.isNaN(r.totalMagmom())) {
      info.put("magmom_total", Double.toString(r.totalMagmom()));
    }
    if (r.magmoms() != null) {
      info.put("magmoms", java.util.Arrays.stream(r.magmoms()).mapToObj(Double::toString)
          .collect(Collectors.joining(",")));
    }
    if (!Double.isNaN(r.wallSeconds())) {
      info.put("wall_time_s", Double.toString(r.wallSeconds()));
    }
    if (!Double.isNaN(o.entry().predicted())) {
      info.put("predicted", Double.toString(o.entry().predicted()));
    }
    for (String k : new String[] {"iterations", "settings.setups.Mn", "versions.gpaw"}) {
      if (r.info().containsKey(k)) {
        info.put(k.replace('.', '_'), r.info().get(k));
      }
    }
    return new Frame(o.computed(), r.energy(), null, null, info);
  }

  private static String csv(List<SpotcheckResults.Outcome> outcomes) {
    StringBuilder b = new StringBuilder("id,composition,atoms,energy_eV_per_cell,"
        + "energy_eV_per_atom,magmom_total,wall_time_s,status,reason\n");
    for (SpotcheckResults.Outcome o : outcomes) {
      Manifest0 m = new Manifest0(o);
      b.append(o.entry().id()).append(',').append(m.composition).append(',')
          .append(o.entry().atoms()).append(',');
      if (o.ok()) {
        DftResult r = o.result();
        b.append(r.energy()).append(',').append(r.energy() / o.computed().size()).append(',')
            .append(Double.isNaN(r.totalMagmom()) ? "" : Double.toString(r.totalMagmom()))
            .append(',').append(Double.isNaN(r.wallSeconds()) ? "" : r.wallSeconds())
            .append(",ok,\n");
      } else {
        b.append(",,,,failed,\"").append(o.failure().replace('"', '\'')).append("\"\n");
      }
    }
    return b.toString();
  }

  /** The composition label of an outcome (from the manifest info or the selected frame). */
  private record Manifest0(String composition) {
    Manifest0(SpotcheckResults.Outcome o) {
      this(o.entry().info().getOrDefault("composition", o.selected() == null ? ""
          : o.selected().info().getOrDefault("composition", "")));
    }
  }

  /** The training set with the new frames (an existing frame of the same id replaced). */
  private static List<Frame> merged(List<Frame> before, List<Frame> added) {
    Set<String> ids = added.stream().map(f -> f.info().get("id")).collect(Collectors.toSet());
    List<Frame> out = new ArrayList<>();
    for (Frame f : before) {
      if (!ids.contains(f.info().get("id"))) {
        out.add(f);
      }
    }
    out.addAll(added);
    return out;
  }

  /** Refits the model's cluster space on the training set before and after the new data. */
  private ObjectNode refit(SystemSpec sys, List<Frame> before, List<Frame> after,
      List<Frame> added) {
    ClusterExpansion old = (ClusterExpansion) Models.load(model, sys);
    Fitter fitter = new Fitter(Fitter.Method.parse(method), Fitter.Unit.ATOM,
        CrossValidation.parse(cv), Double.NaN, 1);
    Mapped newData = Mapped.of(sys, added);
    double oldOnNew = newData.rmse(old);
    FitReport reportBefore = before.size() >= 2
        ? fitter.fit(Mapped.of(sys, before).fitData(old)).report() : null;
    Fitter.Result fitAfter = fitter.fit(Mapped.of(sys, after).fitData(old));
    double refitOnNew = newData.rmse(fitAfter.expansion());
    if (refitOutput != null) {
      Map<String, Object> metadata = new LinkedHashMap<>(fitAfter.expansion().metadata());
      metadata.put("refitFrom", model.toString());
      metadata.put("data", train.toString());
      ClusterExpansion.of(old.space(), fitAfter.expansion().ecis(), metadata)
          .write(refitOutput);
    }
    ObjectNode o = Json.object();
    o.put("unit", "eV per atom");
    o.put("newStructures", added.size());
    o.put("oldModelRmseOnNew", oldOnNew);
    o.put("refitRmseOnNew", refitOnNew);
    if (reportBefore != null) {
      o.put("cvRmseBefore", reportBefore.cvRmse());
      o.put("trainingBefore", before.size());
    }
    o.put("cvRmseAfter", fitAfter.report().cvRmse());
    o.put("trainRmseAfter", fitAfter.report().trainRmse());
    o.put("trainingAfter", after.size());
    if (refitOutput != null) {
      o.put("refitOutput", refitOutput.toString());
    }
    return o;
  }

  /** Frames mapped onto the lattice: names, configurations and energies (eV per cell). */
  private record Mapped(List<String> names, List<Configuration> configurations,
      double[] energies) {
    static Mapped of(SystemSpec sys, List<Frame> frames) {
      StructureMapper mapper = StructureMapper.of(sys.parent(), Double.NaN);
      List<String> names = new ArrayList<>();
      List<Configuration> configurations = new ArrayList<>();
      double[] energies = new double[frames.size()];
      for (int i = 0; i < frames.size(); i++) {
        Frame f = frames.get(i);
        String name = f.info().getOrDefault("id", "frame " + (i + 1));
        names.add(name);
        configurations.add(mapper.map(f.structure(), name).configuration());
        energies[i] = f.energy();
      }
      return new Mapped(names, configurations, energies);
    }

    FitData fitData(ClusterExpansion ce) {
      return FitData.of(ce.space(), names, configurations, energies);
    }

    /** RMSE per atom of a model on these structures. */
    double rmse(EnergyModel m) {
      double s = 0;
      for (int i = 0; i < energies.length; i++) {
        Configuration c = configurations.get(i);
        double e = (m.bind(c.supercell()).energy(c) - energies[i]) / c.supercell().size();
        s += e * e;
      }
      return energies.length == 0 ? Double.NaN : Math.sqrt(s / energies.length);
    }
  }

  private void report(List<SpotcheckResults.Outcome> outcomes, int ok, ObjectNode refit) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("dir", dir.toString());
      root.put("entries", outcomes.size());
      root.put("ingested", ok);
      root.put("energyUnit", "eV per cell");
      ArrayNode list = root.putArray("results");
      for (SpotcheckResults.Outcome o : outcomes) {
        ObjectNode r = list.addObject();
        r.put("id", o.entry().id());
        if (o.ok()) {
          r.put("energy", o.result().energy());
          r.put("code", o.result().code());
        } else {
          r.put("failure", o.failure());
        }
      }
      if (train != null) {
        root.put("trainingSet", train.toString());
      }
      if (refit != null) {
        root.set("refit", refit);
      }
      out.println(Json.write(root));
      return;
    }
    out.printf("%d of %d results ingested into %s and results.csv%s%n", ok, outcomes.size(),
        dir.resolve("results.extxyz"), train == null ? "" : "; training set " + train);
    for (SpotcheckResults.Outcome o : outcomes) {
      if (!o.ok()) {
        out.printf("  %s: %s%n", o.entry().id(), o.failure());
      }
    }
    if (refit != null) {
      out.printf(Locale.ROOT, "refit (%s, %s; meV/atom): error on the %d new structures "
          + "%.2f → %.2f; CV RMSE %s → %.2f (%d structures)%n", method, cv,
          refit.get("newStructures").asInt(), 1000 * refit.get("oldModelRmseOnNew").asDouble(),
          1000 * refit.get("refitRmseOnNew").asDouble(), refit.has("cvRmseBefore")
              ? String.format(Locale.ROOT, "%.2f", 1000 * refit.get("cvRmseBefore").asDouble())
              : "n/a", 1000 * refit.get("cvRmseAfter").asDouble(),
          refit.get("trainingAfter").asInt());
    }
  }
}
