package org.ordex.analysis.hull;

import java.nio.file.Path;
import org.ordex.analysis.Plot;

/**
 * The hull plot: formation energy (meV per mixing site) of every structure against x, and the
 * ground-state line through the hull's vertices.
 */
public final class HullPlot {
  private HullPlot() {}

  /** Writes {@code base.png} and {@code base.svg}; returns their paths. */
  public static Path[] write(FormationHull hull, String speciesA, String speciesB, Path base) {
    String site = speciesA + "+" + speciesB + " site";
    int n = hull.entries().size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = hull.entries().get(i).x();
      y[i] = 1000 * hull.formation(i);
    }
    LowerHull line = hull.hull();
    double[] hx = new double[line.size()];
    double[] hy = new double[line.size()];
    for (int v = 0; v < hx.length; v++) {
      hx[v] = line.x(v);
      hy[v] = 1000 * line.y(v);
    }
    return Plot.of("Convex hull of " + speciesA + "_x " + speciesB + "_1-x",
        "x (" + speciesA + " fraction of the " + speciesA + "+" + speciesB + " sites)",
        "formation energy (meV per " + site + ")")
        .add("structures (" + n + ")", x, y, Plot.Style.POINTS, 0)
        .add("ground-state line (" + hx.length + " vertices)", hx, hy, Plot.Style.MARKERS, 1)
        .write(base);
  }
}
