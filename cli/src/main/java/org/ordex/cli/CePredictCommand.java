package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.StructureMapper;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ordex ce predict}: energies of structures from a cluster expansion. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predict the energies of structures with a cluster expansion: each is "
        + "mapped onto the expansion's parent lattice; where a file gives an energy, the "
        + "error is shown, and the RMSE, MAE and largest error over those structures.")
final class CePredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "cluster expansion file (JSON)")
  Path model;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "STRUCTURES",
      description = "POSCAR/CONTCAR, extxyz, vasprun.xml, MLIP .cfg (with --species) or an "
          + "energy table")
  List<Path> structures;

  @Mixin
  MappingOptions mapping;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.csv",
      description = "also write the table as CSV")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  private static final String HEADER = "structure,supercell,atoms,energy_eV_per_cell,"
      + "energy_eV_per_primitive_cell,energy_eV_per_atom,reference_eV_per_cell,"
      + "error_meV_per_atom,max_displacement_A";

  @Override
  public Integer call() {
    ClusterExpansion ce = ClusterExpansion.read(model);
    MappedStructures mapped = mapping.read(structures, ce.space().parent());
    Map<Supercell, SupercellEnergy> bound = new IdentityHashMap<>();
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    ArrayNode rows = Json.MAPPER.createArrayNode();
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      out.printf("%-12s %5s %16s %14s %12s %16s %10s %7s  %s%n", "supercell", "atoms",
          "E/eV per cell", "per prim cell", "per atom", "reference/eV", "err meV/at", "disp/Å",
          "structure");
    }
    int compared = 0;
    double squares = 0;
    double absolute = 0;
    double largest = 0;
    for (int i = 0; i < mapped.size(); i++) {
      Configuration c = mapped.configurations.get(i);
      Supercell cell = c.supercell();
      double e = bound.computeIfAbsent(cell, ce::bind).energy(c);
      int prim = cell.volumeFactor() * ce.space().primitiveCellsPerParentCell();
      int atoms = cell.size();
      double reference = mapped.energies.get(i);
      double error = 1e3 * (e - reference) / atoms;
      if (!Double.isNaN(reference)) {
        compared++;
        squares += error * error;
        absolute += Math.abs(error);
        largest = Math.max(largest, Math.abs(error));
      }
      StructureMapper.Mapping m = mapped.mappings.get(i);
      String name = mapped.names.get(i);
      csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.10f,%.10f,%.10f,%s,%s,%.6f%n",
          name.contains(",") ? '"' + name + '"' : name, cell.describe(), atoms, e, e / prim,
          e / atoms, Double.isNaN(reference) ? "" : Double.toString(reference),
          Double.isNaN(reference) ? "" : String.format(Locale.ROOT, "%.6f", error),
          m.maxDisplacement()));
      if (json) {
        ObjectNode r = rows.addObject();
        r.put("structure", name);
        r.put("supercell", cell.describe());
        r.put("atoms", atoms);
        r.put("energy", e);
        r.put("energyPerPrimitiveCell", e / prim);
        r.put("energyPerAtom", e / atoms);
        if (!Double.isNaN(reference)) {
          r.put("reference", reference);
          r.put("errorMeVPerAtom", error);
        }
        r.put("maxDisplacement", m.maxDisplacement());
      } else {
        out.printf(Locale.ROOT, "%-12s %5d %16.6f %14.6f %12.6f %16s %10s %7.3f  %s%n",
            cell.describe(), atoms, e, e / prim, e / atoms, Double.isNaN(reference) ? "-"
                : String.format(Locale.ROOT, "%.6f", reference), Double.isNaN(reference) ? "-"
                : String.format(Locale.ROOT, "%.3f", error), m.maxDisplacement(), name);
      }
    }
    if (output != null) {
      AtomicFiles.writeString(output, csv.toString());
    }
    if (!json && compared > 0) {
      out.printf(Locale.ROOT, "errors over the %d structures with a reference: RMSE %.3f, MAE "
          + "%.3f, max %.3f meV per atom%n", compared, Math.sqrt(squares / compared),
          absolute / compared, largest);
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("model", model.toString());
      if (compared > 0) {
        root.putObject("errors").put("structures", compared)
            .put("rmse", Math.sqrt(squares / compared)).put("mae", absolute / compared)
            .put("max", largest).put("unit", "meV per atom");
      }
      root.put("units", "energy: eV per cell (the structure's cell), per primitive cell, per "
          + "atom; error: meV per atom");
      root.set("structures", rows);
      out.println(Json.write(root));
    }
    return 0;
  }
}
