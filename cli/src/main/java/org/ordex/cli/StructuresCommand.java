package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ordex.enumeration.ArrangementCursor;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.ArrangementVisitor;
import org.ordex.enumeration.DistinctArrangements;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ordex structures}: writes every arrangement (or one per symmetry orbit) of the
 * chosen compositions as extxyz frames, optionally also as POSCAR files. Model-free.
 */
@Command(name = "structures", mixinStandardHelpOptions = true,
    description = "Write every arrangement of the active sites at the chosen composition(s) "
        + "as extxyz frames (id, composition, rank, multiplicity, occupancy per sublattice in "
        + "the info line); with --distinct one per symmetry orbit, its multiplicity = orbit "
        + "size.")
final class StructuresCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SystemOptions system;

  @ArgGroup(exclusive = true, multiplicity = "1")
  CompositionOptions compositions;

  @Option(names = "--distinct",
      description = "one arrangement per symmetry orbit (the one of lowest rank)")
  boolean distinct;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.extxyz", required = true,
      description = "extxyz file to write")
  Path output;

  @Option(names = "--poscar", paramLabel = "DIR",
      description = "also write each arrangement as DIR/ID.vasp (POSCAR)")
  Path poscar;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    SystemSpec s = system.load();
    Supercell cell = s.supercell();
    List<ArrangementSpace> spaces = compositions.spaces(cell);
    if (poscar != null) {
      AtomicFiles.createDirectory(poscar);
    }
    long[][] written = new long[spaces.size()][2];
    AtomicFiles.writeText(output, w -> {
      for (int i = 0; i < spaces.size(); i++) {
        ArrangementSpace space = spaces.get(i);
        ArrangementFrames frames = new ArrangementFrames(space);
        long[] tally = written[i];
        ArrangementVisitor write = (rank, occ, mult) -> {
          Frame f = frames.frame(rank, occ, mult, Double.NaN);
          try {
            w.write(Extxyz.format(f));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          if (poscar != null) {
            String id = f.info().get("id");
            Poscar.write(poscar.resolve(id + ".vasp"), f.structure(), id + " multiplicity "
                + mult + " " + f.info().get("occupancy"));
          }
          tally[0]++;
          tally[1] += mult;
        };
        try {
          visit(space, write);
        } catch (java.io.UncheckedIOException e) {
          throw e.getCause();
        }
      }
    });
    report(s, spaces, written);
    return 0;
  }

  private void visit(ArrangementSpace space, ArrangementVisitor visitor) {
    if (distinct) {
      DistinctArrangements.of(space).forEach(visitor);
      return;
    }
    ArrangementCursor cursor = new ArrangementCursor(space);
    do {
      visitor.visit(cursor.rank(), cursor.occupation(), 1);
    } while (cursor.next() >= 0);
  }

  private void report(SystemSpec s, List<ArrangementSpace> spaces, long[][] written) {
    PrintWriter out = spec.commandLine().getOut();
    long frames = 0;
    long arrangements = 0;
    for (long[] t : written) {
      frames += t[0];
      arrangements += t[1];
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("system", s.name());
      root.put("supercell", s.supercell().describe());
      root.put("distinct", distinct);
      root.put("output", output.toString());
      root.put("frames", frames);
      root.put("arrangements", arrangements);
      ArrayNode comps = root.putArray("compositions");
      for (int i = 0; i < spaces.size(); i++) {
        ObjectNode o = comps.addObject();
        o.put("composition", spaces.get(i).label());
        o.put("frames", written[i][0]);
        o.put("arrangements", written[i][1]);
      }
      out.println(Json.write(root));
      return;
    }
    out.printf("%-24s %12s %14s%n", "composition", "frames", "arrangements");
    for (int i = 0; i < spaces.size(); i++) {
      out.printf("%-24s %12d %14d%n", spaces.get(i).label(),
          written[i][0], written[i][1]);
    }
    out.printf("%-24s %12d %14d%n", "total", frames, arrangements);
    out.printf("wrote %d %s to %s%s%n", frames, distinct ? "symmetry-distinct frames" : "frames",
        output, poscar == null ? "" : " and POSCARs to " + poscar);
  }
}
