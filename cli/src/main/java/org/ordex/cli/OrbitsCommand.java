package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.DistinctArrangements;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Composition;
import org.ordex.lattice.CompositionCount;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.ConfigurationCounter;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.Structure;
import org.ordex.lattice.StructureMapper;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex orbits}: the symmetry orbit of each given structure in the system's supercell,
 * named by ordex's id of the orbit's representative (as {@code structures --distinct} and
 * {@code enumerate} name it), with its multiplicity; per composition, whether the structures
 * cover every orbit exactly once and whether multiplicities given in the files agree.
 */
@Command(name = "orbits", mixinStandardHelpOptions = true,
    description = "Identify the symmetry orbit of every structure: each is mapped onto the "
        + "system's supercell and named by ordex's id of its orbit (COMPOSITION-RANK of the "
        + "member of lowest rank, as 'structures --distinct' writes it) with the orbit's size. "
        + "Per composition: structures, distinct orbits among them, duplicates, the number of "
        + "orbits there are (Burnside) and whether every orbit is covered once; where an "
        + "extxyz frame gives multiplicity=, it is compared with the orbit size.")
final class OrbitsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SYSTEM", description = "system file (YAML)")
  Path system;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "STRUCTURES",
      description = "extxyz (multiplicity= in the info line is checked), POSCAR or MLIP .cfg "
          + "(with --species)")
  List<Path> structures;

  @Option(names = "--supercell", paramLabel = "M",
      description = "override the system file's supercell: NxNxN, N, or nine integers")
  String supercell;

  @Mixin
  MappingOptions mapping;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.csv",
      description = "write one row per structure: structure, composition, orbit id, "
          + "multiplicity, multiplicity given, first structure of the same orbit")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  /** One structure read from a file, with the multiplicity its file gives (0: none). */
  private record Item(String name, Structure structure, long given) {}

  /** What is known about one composition's structures. */
  private static final class Tally {
    final ArrangementSpace space;
    final DistinctArrangements distinct;
    final BigInteger orbitsTotal;
    final Map<Long, String> firstOfOrbit = new HashMap<>();
    long structures;
    long duplicates;
    long covered;
    long withGiven;
    long mismatches;

    Tally(ArrangementSpace space, BigInteger orbitsTotal) {
      this.space = space;
      this.distinct = DistinctArrangements.of(space);
      this.orbitsTotal = orbitsTotal;
    }
  }

  @Override
  public Integer call() {
    SystemSpec s = Systems.load(system, supercell);
    Supercell cell = s.supercell();
    StructureMapper mapper = StructureMapper.of(cell.parent(),
        mapping.maxDisplacement == null ? Double.NaN : mapping.maxDisplacement);
    Map<String, BigInteger> burnside = new HashMap<>();
    for (CompositionCount c : ConfigurationCounter.of(cell).count()) {
      burnside.put(Arrays.toString(c.counts()), c.distinct());
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    StringBuilder csv = new StringBuilder("structure,composition,orbit_id,multiplicity,"
        + "multiplicity_given,same_orbit_as\n");
    ArrayNode duplicates = Json.MAPPER.createArrayNode();
    ArrayNode mismatches = Json.MAPPER.createArrayNode();
    for (Item item : read()) {
      StructureMapper.Mapping m = mapper.map(item.structure(), item.name());
      if (!Arrays.deepEquals(m.supercell().matrix(), cell.matrix())) {
        throw new InvalidInputException(item.name() + ": its cell is the supercell "
            + m.supercell().describe() + " of the parent, not the system's " + cell.describe()
            + " (give --supercell)");
      }
      Configuration c = Configuration.of(cell, m.configuration().occupation());
      int[] counts = c.composition();
      Tally t = tallies.computeIfAbsent(Arrays.toString(counts), k -> new Tally(
          ArrangementSpace.of(Composition.of(cell, counts)), burnside.get(k)));
      DistinctArrangements.Orbit orbit = t.distinct.orbitOf(c.occupation());
      String id = t.space.label() + "-" + orbit.representative();
      t.structures++;
      String first = t.firstOfOrbit.putIfAbsent(orbit.representative(), item.name());
      if (first != null) {
        t.duplicates++;
        duplicates.addObject().put("structure", item.name()).put("sameOrbitAs", first)
            .put("orbit", id);
      } else {
        t.covered += orbit.multiplicity();
      }
      if (item.given() > 0) {
        t.withGiven++;
        if (item.given() != orbit.multiplicity()) {
          t.mismatches++;
          mismatches.addObject().put("structure", item.name()).put("orbit", id)
              .put("given", item.given()).put("multiplicity", orbit.multiplicity());
        }
      }
      csv.append(Csv.field(item.name())).append(',').append(t.space.label()).append(',')
          .append(id).append(',').append(orbit.multiplicity()).append(',')
          .append(item.given() > 0 ? Long.toString(item.given()) : "").append(',')
          .append(first == null ? "" : Csv.field(first)).append('\n');
    }
    if (output != null) {
      AtomicFiles.writeString(output, csv.toString());
    }
    report(s, tallies, duplicates, mismatches);
    return 0;
  }

  private List<Item> read() {
    MlipTypes types = mapping.species == null ? null : MlipTypes.parse(mapping.species);
    List<Item> items = new ArrayList<>();
    for (Path file : structures) {
      List<Frame> frames = FrameFiles.frames(file, types);
      for (int i = 0; i < frames.size(); i++) {
        Frame f = frames.get(i);
        String name = frames.size() == 1 ? file.toString() : file + "#" + (i + 1);
        items.add(new Item(name, f.structure(), multiplicity(f, name)));
      }
    }
    if (items.isEmpty()) {
      throw new InvalidInputException("STRUCTURES: no structures in " + structures);
    }
    return items;
  }

  private static long multiplicity(Frame f, String name) {
    String m = f.info().get("multiplicity");
    if (m == null) {
      return 0;
    }
    try {
      long v = Long.parseLong(m.trim());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(name + ": multiplicity=" + m + " is not a positive integer");
  }

  private void report(SystemSpec s, Map<String, Tally> tallies, ArrayNode duplicates,
      ArrayNode mismatches) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("system", s.name());
      root.put("supercell", s.supercell().describe());
      root.put("symmetryOperations", s.supercell().symmetryCount());
      long total = 0;
      ArrayNode comps = root.putArray("compositions");
      boolean allComplete = true;
      for (Tally t : tallies.values()) {
        total += t.structures;
        ObjectNode o = comps.addObject();
        o.put("composition", t.space.label());
        o.put("structures", t.structures);
        o.put("orbits", t.firstOfOrbit.size());
        o.put("orbitsTotal", t.orbitsTotal);
        o.put("duplicates", t.duplicates);
        o.put("arrangementsCovered", t.covered);
        o.put("arrangements", t.space.size());
        o.put("complete", isComplete(t));
        o.put("multiplicitiesGiven", t.withGiven);
        o.put("multiplicityMismatches", t.mismatches);
        allComplete &= isComplete(t);
      }
      root.put("structures", total);
      root.put("everyOrbitOnce", allComplete && duplicates.isEmpty());
      root.put("multiplicitiesAgree", mismatches.isEmpty());
      root.set("duplicates", duplicates);
      root.set("mismatches", mismatches);
      out.println(Json.write(root));
      return;
    }
    out.printf("%s, supercell %s: %d symmetry operations%n", s.name(),
        s.supercell().describe(), s.supercell().symmetryCount());
    out.printf("%-20s %10s %9s %9s %10s %14s %14s %10s %11s%n", "composition", "structures",
        "orbits", "of", "duplicates", "covered", "arrangements", "complete", "mult. wrong");
    for (Tally t : tallies.values()) {
      out.printf("%-20s %10d %9d %9s %10d %14d %14d %10s %11s%n", t.space.label(),
          t.structures, t.firstOfOrbit.size(), t.orbitsTotal, t.duplicates, t.covered,
          t.space.size(), isComplete(t) ? "yes" : "no",
          t.withGiven == 0 ? "-" : t.mismatches + " of " + t.withGiven);
    }
    for (var d : duplicates) {
      out.printf("duplicate: %s is in orbit %s, like %s%n", d.get("structure").asText(),
          d.get("orbit").asText(), d.get("sameOrbitAs").asText());
    }
    for (var d : mismatches) {
      out.printf("multiplicity: %s gives %d, orbit %s has %d%n", d.get("structure").asText(),
          d.get("given").asLong(), d.get("orbit").asText(), d.get("multiplicity").asLong());
    }
    if (output != null) {
      out.printf("wrote %s%n", output);
    }
  }

  private static boolean isComplete(Tally t) {
    return BigInteger.valueOf(t.firstOfOrbit.size()).equals(t.orbitsTotal)
        && t.covered == t.space.size();
  }
}
