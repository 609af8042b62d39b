package org.ordex.analysis.hull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ordex.lattice.AtomicFiles;

/**
 * Writes a hull to a directory: {@code hull.csv} (every structure: composition, energies,
 * formation energy, distance above the hull), {@code ground-state-line.csv} (the hull's
 * vertices) and the plot {@code hull.png} / {@code hull.svg}. Every file is written
 * atomically. Energies per mixing site unless the header says otherwise.
 */
public final class HullFiles {
  private HullFiles() {}

  /** Writes the files; returns their paths. */
  public static List<Path> write(HullData data, FormationHull hull, Path dir) {
    AtomicFiles.createDirectory(dir);
    String a = data.speciesA();
    String b = data.speciesB();
    String site = a + "+" + b + " site";
    List<Path> written = new ArrayList<>();
    Path table = dir.resolve("hull.csv");
    AtomicFiles.writeText(table, w -> {
      w.write("# convex hull of " + a + "_x " + b + "_1-x; x = " + a + "/(" + a + "+" + b
          + "); energies in eV per " + site + " unless named per structure; references: e("
          + a + ") = " + num(hull.referenceA()) + ", e(" + b + ") = " + num(hull.referenceB())
          + " eV per " + site + "\n");
      w.write("id,source,frame,formula,sites,x,energy_eV_per_structure,energy_per_site,"
          + "formation_energy_per_site,above_hull_per_site,on_hull\n");
      for (int i = 0; i < data.entries().size(); i++) {
        HullEntry e = data.entries().get(i);
        w.write(String.join(",", csv(e.id()), csv(e.source()), Integer.toString(e.frame()),
            e.formula(), Integer.toString(e.sites()), num(e.x()), num(e.energy()),
            num(e.energyPerSite()), num(hull.formation(i)), num(hull.aboveHull(i)),
            Boolean.toString(hull.onHull(i))) + "\n");
      }
    });
    written.add(table);
    Path line = dir.resolve("ground-state-line.csv");
    AtomicFiles.writeText(line, w -> {
      w.write("# vertices of the lower convex hull (the ground-state line) of " + a + "_x " + b
          + "_1-x; formation energy in eV per " + site + "\n");
      w.write("x,formation_energy_per_site,id,formula\n");
      LowerHull h = hull.hull();
      for (int v = 0; v < h.size(); v++) {
        HullEntry e = data.entries().get(h.pointIndex(v));
        w.write(num(h.x(v)) + "," + num(h.y(v)) + "," + csv(e.id()) + "," + e.formula() + "\n");
      }
    });
    written.add(line);
    written.addAll(List.of(HullPlot.write(hull, a, b, dir.resolve("hull"))));
    return written;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.10g", v);
  }

  /** A CSV field, quoted when it holds a comma or a quote. */
  private static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
