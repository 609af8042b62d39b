package org.ordex.analysis.hull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ordex.analysis.plot.PlotFiles;

/**
 * The hull plot: formation energy (meV per mixing site) of every structure against x, and the
 * ground-state line through the hull's vertices.
 */
public final class HullPlot {
  private HullPlot() {}

  /** Writes {@code base.png} and {@code base.svg}; returns their paths. */
  public static Path[] write(FormationHull hull, String speciesA, String speciesB, Path base) {
    XYChart chart = new XYChartBuilder().width(800).height(560)
        .title("Convex hull of " + speciesA + "_x " + speciesB + "_1-x")
        .xAxisTitle("x (" + speciesA + " fraction of the " + speciesA + "+" + speciesB
            + " sites)")
        .yAxisTitle("formation energy (meV per " + speciesA + "+" + speciesB + " site)")
        .build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideN);
    chart.getStyler().setMarkerSize(6);
    int n = hull.entries().size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = hull.entries().get(i).x();
      y[i] = 1000 * hull.formation(i);
    }
    XYSeries all = chart.addSeries("structures (" + n + ")", x, y);
    all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    all.setMarker(SeriesMarkers.CIRCLE);
    all.setMarkerColor(new Color(70, 110, 180, 150));
    LowerHull line = hull.hull();
    double[] hx = new double[line.size()];
    double[] hy = new double[line.size()];
    for (int v = 0; v < hx.length; v++) {
      hx[v] = line.x(v);
      hy[v] = 1000 * line.y(v);
    }
    XYSeries gs = chart.addSeries("ground-state line (" + hx.length + " vertices)", hx, hy);
    gs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    gs.setMarker(SeriesMarkers.DIAMOND);
    gs.setLineColor(new Color(200, 40, 40));
    gs.setMarkerColor(new Color(200, 40, 40));
    gs.setLineStyle(new BasicStroke(2f));
    return PlotFiles.write(chart, base);
  }
}
