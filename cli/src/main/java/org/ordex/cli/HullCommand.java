package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ordex.analysis.hull.FormationHull;
import org.ordex.analysis.hull.HullData;
import org.ordex.analysis.hull.HullEntry;
import org.ordex.analysis.hull.HullFiles;
import org.ordex.analysis.hull.LowerHull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex hull}: formation energies, the lower convex hull (ground-state line) and every
 * structure's distance above it, from extxyz files with energies (ground-state search
 * results, scored enumerations, DFT data).
 */
@Command(name = "hull", mixinStandardHelpOptions = true,
    description = "Convex hull of a binary system from structures with energies (extxyz): "
        + "formation energies relative to the end members, the ground-state line, the "
        + "distance of every structure above it; writes hull.csv, ground-state-line.csv, "
        + "hull.png and hull.svg.")
final class HullCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "extxyz files with energy=")
  List<Path> files;

  @Option(names = "--species", paramLabel = "A,B",
      description = "the two mixing species, x = fraction of A (default: the two species "
          + "whose proportions vary, alphabetically)")
  String species;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "output directory")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  /** The index of the structure of lowest formation energy at each x, by ascending x. */
  static java.util.SortedMap<Double, Integer> lowestPerComposition(FormationHull hull) {
    java.util.SortedMap<Double, Integer> best = new java.util.TreeMap<>();
    for (int i = 0; i < hull.entries().size(); i++) {
      best.merge(hull.entries().get(i).x(), i,
          (a, b) -> hull.formation(b) < hull.formation(a) ? b : a);
    }
    return best;
  }

  @Override
  public Integer call() {
    HullData data = HullData.read(files, species);
    FormationHull hull = FormationHull.of(data.entries(), data.speciesA(), data.speciesB());
    HullFiles.write(data, hull, output);
    PrintWriter out = spec.commandLine().getOut();
    LowerHull line = hull.hull();
    int onHull = 0;
    for (int i = 0; i < data.entries().size(); i++) {
      onHull += hull.onHull(i) ? 1 : 0;
    }
    String site = data.speciesA() + "+" + data.speciesB() + " site";
    if (json) {
      ObjectNode root = Json.object();
      root.put("speciesA", data.speciesA());
      root.put("speciesB", data.speciesB());
      root.put("structures", data.entries().size());
      root.put("onHull", onHull);
      root.put("energyUnit", "eV per " + site);
      root.put("referenceA", hull.referenceA());
      root.put("referenceB", hull.referenceB());
      root.put("output", output.toString());
      ArrayNode vertices = root.putArray("groundStateLine");
      for (int v = 0; v < line.size(); v++) {
        HullEntry e = data.entries().get(line.pointIndex(v));
        ObjectNode o = vertices.addObject();
        o.put("x", line.x(v));
        o.put("formationEnergy", line.y(v));
        o.put("id", e.id());
        o.put("formula", e.formula());
      }
      ObjectNode lowest = root.putObject("lowestPerComposition");
      lowestPerComposition(hull).forEach((x, i) -> lowest.putObject(
          String.format(Locale.ROOT, "%.4f", x)).put("x", x)
          .put("formationEnergy", hull.formation(i)).put("id", data.entries().get(i).id())
          .put("formula", data.entries().get(i).formula()));
      out.println(Json.write(root));
      return 0;
    }
    out.printf(Locale.ROOT, "%d structures of %s_x %s_1-x from %d file(s); references "
        + "e(%s) = %.6f, e(%s) = %.6f eV per %s%n", data.entries().size(), data.speciesA(),
        data.speciesB(), files.size(), data.speciesA(), hull.referenceA(), data.speciesB(),
        hull.referenceB(), site);
    out.printf("ground-state line (%d vertices; formation energy in meV per %s):%n",
        line.size(), site);
    out.printf("%10s %14s  %s%n", "x", "formation", "id");
    for (int v = 0; v < line.size(); v++) {
      HullEntry e = data.entries().get(line.pointIndex(v));
      out.printf(Locale.ROOT, "%10.6f %14.3f  %s (%s)%n", line.x(v), 1000 * line.y(v), e.id(),
          e.formula());
    }
    out.printf("%d structures on the hull; wrote hull.csv, ground-state-line.csv, hull.png, "
        + "hull.svg to %s%n", onHull, output);
    return 0;
  }
}
