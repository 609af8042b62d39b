package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.analysis.spotcheck.ArrangementMapper;
import org.ordex.analysis.spotcheck.ParityPlot;
import org.ordex.analysis.spotcheck.ParityReport;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.SupercellEnergy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex spotcheck report DIR}: the parity of a model's predictions with the DFT
 * results of a spot-check (mixing energies per atom), with a parity plot.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Compare predicted with DFT energies of the arrangements of a spot-check: "
        + "mixing energy per atom relative to each side's end members (energy per atom when "
        + "the set has no end members), RMSE, MAE, largest error, and per composition "
        + "Spearman's rank correlation and whether the predicted lowest is the DFT lowest. "
        + "Predictions from --model, else the manifest's. Writes OUT/parity.json, "
        + "OUT/parity.csv, OUT/parity.png and OUT/parity.svg. Exit code 3 when a result is "
        + "missing (the report covers the others).")
final class SpotcheckReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "spot-check folder")
  Path dir;

  @Option(names = "--system", required = true, paramLabel = "SYSTEM",
      description = "system file of the arrangements")
  Path system;

  @Mixin
  ModelOptions model;

  @Option(names = "--result", paramLabel = "NAME",
      description = "output file name in each folder (default: the first known one)")
  String resultName;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "folder for parity.json, parity.csv, parity.png, parity.svg")
  Path out;

  @Option(names = "--mlip-types", paramLabel = "A,B,…",
      description = "elements of MLIP types 0,1,… (outputs in .cfg)")
  String mlipTypes;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    SystemSpec sys = Systems.load(system, null);
    EnergyModel energyModel = model.model == null ? null : model.load(sys);
    List<SpotcheckResults.Outcome> outcomes = SpotcheckResults.read(dir, resultName,
        mlipTypes == null ? null : MlipTypes.parse(mlipTypes),
        sys.parent());
    ArrangementMapper mapper = new ArrangementMapper(sys.parent(), null, Double.NaN);
    Map<Supercell, SupercellEnergy> bound = new HashMap<>();
    List<ParityReport.Row> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (SpotcheckResults.Outcome o : outcomes) {
      if (!o.ok()) {
        failures.add(o.entry().id() + ": " + o.failure());
        continue;
      }
      Configuration c = mapper.map(o.selected() != null ? o.selected().structure()
          : o.computed(), o.entry().id()).configuration();
      double predicted = energyModel != null
          ? bound.computeIfAbsent(c.supercell(), energyModel::bind).energy(c)
          : o.entry().predicted();
      if (Double.isNaN(predicted)) {
        throw new InvalidInputException(o.entry().id() + ": no prediction (give --model, or "
            + "select with a model so that the manifest has one)");
      }
      int[] comp = c.composition();
      int sites = c.supercell().activeSiteCount();
      rows.add(new ParityReport.Row(o.entry().id(), Composition.of(c.supercell(), comp)
          .label(), SpotcheckSelectCommand.binaryFraction(sys.parent(), comp), sites,
          c.supercell().size(), o.result().energy(), predicted));
    }
    if (rows.isEmpty()) {
      String first = failures.isEmpty() ? "" : ": " + failures.get(0)
          + (failures.size() > 1 ? "; … and " + (failures.size() - 1) + " more" : "");
      throw new InvalidInputException(dir + ": no DFT result to compare (" + failures.size()
          + " missing" + first + ")");
    }
    ParityReport report = ParityReport.of(rows);
    String modelName = model.model == null ? "model" : model.model.getFileName().toString();
    AtomicFiles.createDirectory(out);
    ObjectNode doc = toJson(report, failures, modelName);
    AtomicFiles.writeString(out.resolve("parity.json"), Json.write(doc) + "\n");
    AtomicFiles.writeString(out.resolve("parity.csv"), csv(report));
    ParityPlot.write(report, modelName, out.resolve("parity"));
    PrintWriter pw = spec.commandLine().getOut();
    if (json) {
      pw.println(Json.write(doc));
    } else {
      text(pw, report, failures);
    }
    return failures.isEmpty() ? 0 : SpotcheckRunCommand.FAILED;
  }

  private ObjectNode toJson(ParityReport r, List<String> failures, String modelName) {
    ObjectNode root = Json.object();
    root.put("model", modelName);
    root.put("quantity", r.quantity());
    root.put("unit", "eV per atom");
    root.put("compared", r.rows().size());
    root.put("rmse", r.rmse());
    root.put("mae", r.mae());
    root.put("maxError", r.maxError());
    root.put("worst", r.rows().get(r.worst()).id());
    ArrayNode comps = root.putArray("compositions");
    for (ParityReport.CompositionStats c : r.compositions()) {
      ObjectNode o = comps.addObject();
      o.put("composition", c.composition());
      o.put("count", c.count());
      if (!Double.isNaN(c.spearman())) {
        o.put("spearman", c.spearman());
      }
      o.put("dftLowest", c.dftLowest());
      o.put("predictedLowest", c.predictedLowest());
      o.put("lowestAgrees", c.lowestAgrees());
    }
    ArrayNode rows = root.putArray("rows");
    for (int i = 0; i < r.rows().size(); i++) {
      ObjectNode o = rows.addObject();
      ParityReport.Row row = r.rows().get(i);
      o.put("id", row.id());
      o.put("composition", row.composition());
      o.put("dft", r.dft(i));
      o.put("predicted", r.predicted(i));
      o.put("dftEnergyPerCell", row.dft());
      o.put("predictedEnergyPerCell", row.predicted());
    }
    ArrayNode f = root.putArray("missing");
    failures.forEach(f::add);
    return root;
  }

  private static String csv(ParityReport r) {
    StringBuilder b = new StringBuilder("id,composition,x,dft_eV_per_atom,"
        + "predicted_eV_per_atom,error_eV_per_atom,dft_eV_per_cell,predicted_eV_per_cell\n");
    for (int i = 0; i < r.rows().size(); i++) {
      ParityReport.Row row = r.rows().get(i);
      b.append(row.id()).append(',').append(row.composition()).append(',').append(row.x())
          .append(',').append(r.dft(i)).append(',').append(r.predicted(i)).append(',')
          .append(r.predicted(i) - r.dft(i)).append(',').append(row.dft()).append(',')
          .append(row.predicted()).append('\n');
    }
    return b.toString();
  }

  private void text(PrintWriter pw, ParityReport r, List<String> failures) {
    pw.printf(Locale.ROOT, "%d arrangements, %s: RMSE %.2f, MAE %.2f, max %.2f meV/atom "
        + "(%s)%n", r.rows().size(), r.quantity(), 1000 * r.rmse(), 1000 * r.mae(),
        1000 * r.maxError(), r.rows().get(r.worst()).id());
    pw.printf("%-14s %5s %9s  %s%n", "composition", "n", "spearman", "predicted lowest = DFT "
        + "lowest");
    for (ParityReport.CompositionStats c : r.compositions()) {
      pw.printf(Locale.ROOT, "%-14s %5d %9s  %s%n", c.composition(), c.count(),
          Double.isNaN(c.spearman()) ? "-" : String.format(Locale.ROOT, "%.3f", c.spearman()),
          c.lowestAgrees() ? "yes (" + c.dftLowest() + ")" : "no: DFT " + c.dftLowest()
              + ", predicted " + c.predictedLowest());
    }
    for (String f : failures) {
      pw.println("missing " + f);
    }
    pw.printf("wrote %s/parity.json, parity.csv, parity.png, parity.svg%n", out);
  }
}
