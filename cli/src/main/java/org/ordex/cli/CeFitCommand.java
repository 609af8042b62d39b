package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.ce.CrossValidation;
import org.ordex.potentials.ce.FitData;
import org.ordex.potentials.ce.Fitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ordex ce fit}: fits a cluster expansion to structures with DFT energies. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fit a cluster expansion of the system's parent lattice to structures with "
        + "total energies. Every structure is mapped onto an ideal supercell (cell, then each "
        + "atom to the nearest site of its sublattice); the fit report gives train and "
        + "cross-validation RMSE, the number of nonzero ECIs and the worst-predicted "
        + "structures.")
final class CeFitCommand implements Callable<Integer> {
  private static final int WORST = 10;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SYSTEM", description = "system file (YAML)")
  Path system;

  @Option(names = "--data", paramLabel = "FILE", required = true, arity = "1..*",
      description = "structures with total energies (eV per cell): extxyz, vasprun.xml, MLIP "
          + ".cfg (with --species), or an energy table (.csv/.txt/.dat: structure file and "
          + "energy per line)")
  List<Path> data;

  @Option(names = "--cutoffs", paramLabel = "Å,…", required = true, split = ",",
      description = "longest intra-cluster distance per order: pairs, triplets, … "
          + "(e.g. 8,6,5)")
  double[] cutoffs;

  @Option(names = "--fit", paramLabel = "METHOD", defaultValue = "lasso",
      description = "lasso, ridge or ols (default: ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--cv", paramLabel = "SPEC", defaultValue = "kfold:10",
      description = "cross-validation: kfold:K, loo or shuffle:SPLITS:TEST_FRACTION "
          + "(default: ${DEFAULT-VALUE})")
  String cv;

  @Option(names = "--alpha", paramLabel = "A",
      description = "regularisation strength (default: chosen by cross-validation)")
  Double alpha;

  @Option(names = "--per", paramLabel = "UNIT", defaultValue = "cell",
      description = "fit energies per primitive cell (cell) or per atom (atom) "
          + "(default: ${DEFAULT-VALUE})")
  String per;

  @Mixin
  MappingOptions mapping;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the cross-validation "
      + "splits (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = {"-o", "--output"}, paramLabel = "CE.json", required = true,
      description = "cluster expansion file to write")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    AtomicFiles.requireWritable(output);
    Fitter fitter = new Fitter(Fitter.Method.parse(method), Fitter.Unit.parse(per),
        CrossValidation.parse(cv), alpha == null ? Double.NaN : alpha, seed);
    SystemSpec sys = Systems.load(system, null);
    ClusterSpace space;
    try {
      space = ClusterSpace.of(sys.parent(), cutoffs);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--cutoffs: " + e.getMessage());
    }
    MappedStructures structures = mapping.read(data, sys.parent());
    if (structures.size() < 2) {
      throw new InvalidInputException("--data: " + structures.size() + " structure(s); a fit "
          + "needs at least 2");
    }
    FitData fitData = FitData.of(space, structures.names, structures.configurations,
        structures.requireEnergies());
    Fitter.Result result = fitter.fit(fitData);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("system", sys.name());
    metadata.put("data", data.stream().map(Path::toString).toList());
    metadata.put("mapping", structures.mappingSummary());
    metadata.putAll(result.expansion().metadata());
    ClusterExpansion ce = ClusterExpansion.of(space, result.expansion().ecis(), metadata);
    ce.write(output);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("output", output.toString());
      root.put("functions", space.size());
      root.set("mapping", Json.MAPPER.valueToTree(structures.mappingSummary()));
      root.set("fit", Json.MAPPER.valueToTree(result.report().toMap(WORST)));
      out.println(Json.write(root));
    } else {
      Map<String, Object> m = structures.mappingSummary();
      out.printf("System       %s: %s%n", sys.name(), space.describe());
      out.printf(Locale.ROOT, "Mapping      %d structures; largest displacement %.3f Å, "
          + "volume strain %.2f %%, shear strain %.2f %%%n", structures.size(),
          (double) m.get("maxDisplacement"), 100 * (double) m.get("maxVolumeStrain"),
          100 * (double) m.get("maxShearStrain"));
      out.print(result.report().toText(WORST));
      out.printf("Wrote        %s%n", output);
    }
    return 0;
  }
}
