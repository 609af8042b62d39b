package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.EnumerationResult;
import org.ordex.enumeration.LowestArrangements;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.SystemSpec;

/**
 * The outputs of an enumeration run directory, written from its chunks: {@code thermo.csv}
 * (see {@link ThermoTable}), {@code dos.csv} (arrangements per energy
 * bin of width k_B·T_min, with the bin's centre and mean energy), {@code lowest.extxyz} and {@code lowest/ID.vasp} (the K lowest arrangements of each
 * composition, with energies and multiplicities) and {@code summary.json}.
 */
final class EnumerationReport {
  private final RunDirectory dir;
  private final EnumerationRun run;
  private final SystemSpec system;
  private final List<ArrangementSpace> spaces;
  private final EnumerationResult result;

  EnumerationReport(RunDirectory dir, EnumerationRun run, SystemSpec system,
      List<ArrangementSpace> spaces, EnumerationResult result) {
    this.dir = dir;
    this.run = run;
    this.system = system;
    this.spaces = spaces;
    this.result = result;
  }

  /** Writes every output file and returns the summary (also written as summary.json). */
  ObjectNode write() {
    writeThermo();
    writeDos();
    writeLowest();
    ObjectNode summary = summary();
    AtomicFiles.writeString(dir.path().resolve("summary.json"), Json.write(summary) + "\n");
    return summary;
  }

  private void writeThermo() {
    AtomicFiles.writeString(dir.path().resolve("thermo.csv"),
        ThermoTable.csv(system.supercell(), spaces, result, run.temperatures()));
  }

  private void writeDos() {
    StringBuilder b = new StringBuilder(
        "composition,E_bin_eV_per_cell,E_mean_eV_per_cell,arrangements\n");
    for (int c = 0; c < spaces.size(); c++) {
      if (!result.hasAny(c)) {
        continue;
      }
      Map<Double, double[]> bins = new TreeMap<>();
      result.dos(c).forEachBin((key, centre, count, m, off) -> {
        double[] x = bins.computeIfAbsent(centre, k -> new double[2]);
        x[0] += count;
        x[1] += m[off];
      });
      String label = spaces.get(c).label();
      bins.forEach((e, x) -> b.append(label).append(',').append(num(e)).append(',')
          .append(num(e + x[1] / x[0])).append(',').append((long) x[0]).append('\n'));
    }
    AtomicFiles.writeString(dir.path().resolve("dos.csv"), b.toString());
  }

  private void writeLowest() {
    List<Frame> frames = new ArrayList<>();
    for (int c = 0; c < spaces.size(); c++) {
      ArrangementSpace space = spaces.get(c);
      ArrangementFrames maker = new ArrangementFrames(space);
      LowestArrangements low = result.lowest(c, run.lowest());
      byte[] occ = new byte[system.supercell().activeSiteCount()];
      for (int i = 0; i < low.size(); i++) {
        space.unrank(low.rank(i), occ);
        Frame f = maker.frame(low.rank(i), occ, low.multiplicity(i), low.energy(i));
        frames.add(f);
        String id = f.info().get("id");
        Poscar.write(dir.path().resolve("lowest").resolve(id + ".vasp"), f.structure(),
            id + " E = " + low.energy(i) + " eV multiplicity " + low.multiplicity(i));
      }
    }
    Extxyz.write(dir.path().resolve("lowest.extxyz"), frames);
  }

  private ObjectNode summary() {
    ObjectNode root = Json.object();
    root.set("run", run.toJson());
    root.put("system", system.name());
    root.put("supercell", system.supercell().describe());
    root.put("energies", "eV per supercell (" + system.supercell().size() + " sites, "
        + system.supercell().activeSiteCount() + " active)");
    root.put("chunksDone", result.chunkCount());
    root.put("chunksTotal", result.plan().chunks().size());
    root.put("maxDriftEV", result.maxDrift());
    ArrayNode comps = root.putArray("compositions");
    for (int c = 0; c < spaces.size(); c++) {
      ArrangementSpace space = spaces.get(c);
      ObjectNode o = comps.addObject();
      o.put("composition", space.label());
      o.put("arrangements", space.size());
      o.put("complete", result.isComplete(c));
      o.put("scored", result.visited(c));
      o.put("covered", result.weight(c));
      LowestArrangements low = result.lowest(c, 1);
      if (low.size() > 0) {
        ObjectNode g = o.putObject("lowest");
        g.put("energy", low.energy(0));
        g.put("id", space.label() + "-" + low.rank(0));
        g.put("multiplicity", low.multiplicity(0));
      }
    }
    return root;
  }

  /** Prints the summary as a table. */
  static void print(PrintWriter out, ObjectNode summary) {
    out.printf("%-26s %14s %12s %10s %18s  %s%n", "composition", "arrangements", "scored",
        "complete", "lowest E (eV/cell)", "lowest id");
    for (var c : summary.get("compositions")) {
      var low = c.get("lowest");
      out.printf(Locale.ROOT, "%-26s %14d %12d %10s %18s  %s%n", c.get("composition").asText(),
          c.get("arrangements").asLong(), c.get("scored").asLong(),
          c.get("complete").asBoolean() ? "yes" : "no",
          low == null ? "" : String.format(Locale.ROOT, "%.6f", low.get("energy").asDouble()),
          low == null ? "" : low.get("id").asText());
    }
    out.printf(Locale.ROOT, "%d of %d chunks done; largest energy drift at a recomputation "
        + "%.1e eV%n", summary.get("chunksDone").asInt(), summary.get("chunksTotal").asInt(),
        summary.get("maxDriftEV").asDouble());
  }

  private static String num(double x) {
    return Double.toString(x);
  }
}
