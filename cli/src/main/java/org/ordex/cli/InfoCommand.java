package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.ordex.lattice.Composition;
import org.ordex.lattice.CompositionCount;
import org.ordex.lattice.ConfigurationCounter;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ordex info}: sites, sublattices, symmetry and exact configuration counts. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Print the sites, sublattices and symmetry of a system and, for every "
        + "composition, the number of arrangements and of symmetry-distinct arrangements "
        + "(Burnside's lemma, exact).")
final class InfoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SystemOptions system;

  @Option(names = "--composition", paramLabel = "SPEC",
      description = "show only this composition, e.g. Co=12,Mn=12 (counts or fractions of the "
          + "active sites; one species may be left out)")
  String composition;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    SystemSpec spec0 = system.load();
    Supercell cell = spec0.supercell();
    List<CompositionCount> counts = ConfigurationCounter.of(cell).count();
    if (composition != null) {
      int[] wanted = Composition.parse(composition, cell).counts();
      counts = counts.stream().filter(c -> Arrays.equals(c.counts(), wanted)).toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(toJson(spec0, counts)));
    } else {
      printText(out, spec0, counts);
    }
    return 0;
  }

  private static ObjectNode toJson(SystemSpec s, List<CompositionCount> counts) {
    Supercell cell = s.supercell();
    ParentLattice parent = s.parent();
    ObjectNode root = Json.object();
    root.put("name", s.name());
    root.put("supercell", cell.describe());
    root.put("sites", cell.size());
    root.put("activeSites", cell.activeSiteCount());
    root.put("symmetryOperations", cell.symmetryCount());
    root.put("parentSpaceGroupOperations", parent.spaceGroup().size());
    root.put("parentPointGroupOrder", parent.spaceGroup().pointGroupOrder());
    ArrayNode subs = root.putArray("sublattices");
    for (Sublattice sub : parent.sublattices()) {
      ObjectNode o = subs.addObject();
      o.put("label", sub.label());
      o.put("sites", sub.sites().length * cell.volumeFactor());
      ArrayNode allowed = o.putArray("allowed");
      sub.allowedNames(parent.species()).forEach(allowed::add);
      o.put("active", sub.isActive());
    }
    ArrayNode comps = root.putArray("compositions");
    for (CompositionCount c : counts) {
      ObjectNode o = comps.addObject();
      ObjectNode cs = o.putObject("counts");
      for (int sp : activeSpecies(counts)) {
        cs.put(parent.species().get(sp), c.counts()[sp]);
      }
      o.put("arrangements", c.arrangements());
      o.put("distinct", c.distinct());
    }
    return root;
  }

  /** The species that vary between compositions (those on active sites). */
  private static int[] activeSpecies(List<CompositionCount> counts) {
    int k = counts.get(0).counts().length;
    return java.util.stream.IntStream.range(0, k)
        .filter(sp -> counts.stream().anyMatch(c -> c.counts()[sp] > 0)).toArray();
  }

  private static void printText(PrintWriter out, SystemSpec s, List<CompositionCount> counts) {
    Supercell cell = s.supercell();
    ParentLattice parent = s.parent();
    out.printf("System      %s  (%s)%n", s.name(), s.source());
    out.printf("Parent      %d sites; space group: %d operations (%d rotations)%n",
        parent.size(), parent.spaceGroup().size(), parent.spaceGroup().pointGroupOrder());
    out.printf("Supercell   %s: %d sites, %d active%n", cell.describe(), cell.size(),
        cell.activeSiteCount());
    out.println("Sublattices");
    for (Sublattice sub : parent.sublattices()) {
      out.printf("  %-6s %5d sites  %s%s%n", sub.label(), sub.sites().length * cell.volumeFactor(),
          String.join(", ", sub.allowedNames(parent.species())), sub.isActive() ? "" : " (fixed)");
    }
    out.printf("Symmetry    %d operations of the supercell (permutations of the active sites)%n",
        cell.symmetryCount());
    int[] species = activeSpecies(counts);
    out.printf("Compositions: counts over the %d active sites; 'distinct' = orbits under the %d "
        + "operations (Burnside)%n", cell.activeSiteCount(), cell.symmetryCount());
    StringBuilder header = new StringBuilder(" ");
    for (int sp : species) {
      header.append(String.format("%5s", parent.species().get(sp)));
    }
    out.printf("%s %22s %16s%n", header, "arrangements", "distinct");
    BigInteger totalAll = BigInteger.ZERO;
    BigInteger totalDistinct = BigInteger.ZERO;
    for (CompositionCount c : counts) {
      StringBuilder row = new StringBuilder(" ");
      for (int sp : species) {
        row.append(String.format("%5d", c.counts()[sp]));
      }
      out.printf("%s %22s %16s%n", row, c.arrangements(), c.distinct());
      totalAll = totalAll.add(c.arrangements());
      totalDistinct = totalDistinct.add(c.distinct());
    }
    out.printf("%-" + (1 + 5 * species.length) + "s %22s %16s%n", " total", totalAll,
        totalDistinct);
  }
}
