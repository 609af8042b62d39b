package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterExpansionFile;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.ce.CorrelationFunction;
import org.ordex.potentials.ce.Orbit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ordex ce info}: the parent, cutoffs, orbits and ECIs of a cluster expansion file. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show a cluster expansion: parent lattice, cutoffs, and per correlation "
        + "function its order, size, multiplicity per primitive cell, representative cluster "
        + "and ECI; then the file's metadata (fit report, description).")
final class CeInfoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "cluster expansion file (JSON)")
  Path model;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    ClusterExpansion ce = ClusterExpansion.read(model);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("file", model.toString());
      root.put("orbits", ce.space().orbits().size());
      root.put("nonzeroEcis", ce.nonzeroCount());
      root.setAll(ClusterExpansionFile.toJson(ce));
      out.println(Json.write(root));
    } else {
      printText(out, ce);
    }
    return 0;
  }

  private void printText(PrintWriter out, ClusterExpansion ce) {
    ClusterSpace space = ce.space();
    ParentLattice parent = space.parent();
    out.printf("Cluster expansion  %s%n", model);
    out.printf("Parent             %s, space group of %d operations, %s per parent cell%n",
        count(parent.size(), "site"), parent.spaceGroup().size(),
        count(space.primitiveCellsPerParentCell(), "primitive cell"));
    StringBuilder subs = new StringBuilder();
    for (Sublattice sub : parent.sublattices()) {
      subs.append(subs.length() == 0 ? "" : "; ").append(sub.label()).append(": ")
          .append(String.join(", ", sub.allowedNames(parent.species())))
          .append(sub.isActive() ? "" : " (fixed)");
    }
    out.printf("Sublattices        %s%n", subs);
    double[] cutoffs = space.cutoffs();
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < cutoffs.length; i++) {
      c.append(i == 0 ? "" : ", ").append(ClusterSpace.orderName(i + 2)).append("s ")
          .append(cutoffs[i]).append(" Å");
    }
    out.printf("Cutoffs            %s (longest distance within a cluster)%n",
        cutoffs.length == 0 ? "none (points only)" : c);
    out.printf("Functions          %d on %d orbits, %s%n", space.size(),
        space.orbits().size(), count(ce.nonzeroCount(), "nonzero ECI"));
    out.println("Energy (eV per primitive cell) = sum over functions of multiplicity × ECI × "
        + "correlation");
    out.printf("%5s %5s %9s %9s %5s  %-16s %-10s %14s  %s%n", "index", "order", "max d/Å",
        "radius/Å", "mult", "sublattices", "decoration", "ECI/eV", "representative [site, cell]");
    double[] ecis = ce.ecis();
    for (CorrelationFunction f : space.functions()) {
      Orbit o = f.orbit();
      String[] labels = Arrays.stream(o.representative())
          .map(pt -> parent.sublatticeOf(pt[0]).label()).toArray(String[]::new);
      out.printf("%5d %5d %9.4f %9.4f %5d  %-16s %-10s %14.8f  %s%n", f.index(), o.order(),
          o.maxDistance(), o.radius(), o.multiplicity(), String.join(",", labels),
          Arrays.toString(f.decoration()), ecis[f.index()],
          Arrays.deepToString(o.representative()));
    }
    if (!ce.metadata().isEmpty()) {
      out.println("Metadata (--json for all of it)");
      printMetadata(out, "  ", ce.metadata());
    }
  }

  /** Scalars and lists of scalars, nested maps indented; lists of maps only counted. */
  private static void printMetadata(PrintWriter out, String indent, Map<?, ?> map) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> m) {
        out.printf("%s%s%n", indent, e.getKey());
        printMetadata(out, indent + "  ", m);
      } else if (v instanceof java.util.List<?> list && !list.isEmpty()
          && list.get(0) instanceof Map) {
        out.printf("%s%-16s (%d entries)%n", indent, e.getKey(), list.size());
      } else {
        out.printf("%s%-16s %s%n", indent, e.getKey(), v);
      }
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
