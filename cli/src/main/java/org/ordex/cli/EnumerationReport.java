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
import org.ordex.enumeration.CanonicalAverages;
import org.ordex.enumeration.DensityOfStates;
import org.ordex.enumeration.EnumerationResult;
import org.ordex.enumeration.LowestArrangements;
import org.ordex.enumeration.OccupancyKey;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.SystemSpec;

/**
 * The outputs of an enumeration run directory, written from its chunks: {@code thermo.csv}
 * (per complete composition and temperature: ln Z, F, U, S, C_v per supercell and the mean
 * fraction of each species on each sublattice), {@code dos.csv} (arrangements per energy
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
    ParentLattice parent = system.parent();
    OccupancyKey keys = OccupancyKey.of(system.supercell());
    List<Sublattice> active = parent.sublattices().stream().filter(Sublattice::isActive)
        .toList();
    List<Integer> species = activeSpecies(parent);
    StringBuilder b = new StringBuilder("composition");
    for (int s : species) {
      b.append(",x_").append(parent.species().get(s));
    }
    b.append(",T_K,lnZ,F_eV_per_cell,U_eV_per_cell,S_kB_per_cell,Cv_kB_per_cell");
    for (Sublattice sub : active) {
      for (int s : sub.allowed()) {
        b.append(',').append(sub.label()).append('_').append(parent.species().get(s));
      }
    }
    b.append('\n');
    int n = system.supercell().activeSiteCount();
    for (int c = 0; c < spaces.size(); c++) {
      if (!result.isComplete(c)) {
        continue;
      }
      DensityOfStates dos = result.dos(c);
      int[] counts = spaces.get(c).counts();
      for (double t : run.temperatures()) {
        CanonicalAverages a = CanonicalAverages.of(dos, keys, t);
        b.append(spaces.get(c).label());
        for (int s : species) {
          b.append(',').append(num((double) counts[s] / n));
        }
        b.append(',').append(num(t)).append(',').append(num(a.lnZ())).append(',')
            .append(num(a.freeEnergy())).append(',').append(num(a.energy())).append(',')
            .append(num(a.entropy() / CanonicalAverages.K_B)).append(',')
            .append(num(a.heatCapacity() / CanonicalAverages.K_B));
        for (Sublattice sub : active) {
          int size = sub.sites().length * system.supercell().volumeFactor();
          for (int s : sub.allowed()) {
            b.append(',').append(keys.isTracked()
                ? num(a.occupancy()[sub.index()][s] / size) : "");
          }
        }
        b.append('\n');
      }
    }
    AtomicFiles.writeString(dir.path().resolve("thermo.csv"), b.toString());
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

  private static List<Integer> activeSpecies(ParentLattice parent) {
    List<Integer> s = new ArrayList<>();
    for (Sublattice sub : parent.sublattices()) {
      if (sub.isActive()) {
        for (int x : sub.allowed()) {
          if (!s.contains(x)) {
            s.add(x);
          }
        }
      }
    }
    return s;
  }

  private static String num(double x) {
    return Double.toString(x);
  }
}
