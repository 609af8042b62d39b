package org.ordex.analysis.spotcheck;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ordex.analysis.plot.PlotFiles;

/** The parity plot of a {@link ParityReport}: predicted against DFT, meV per atom, y = x. */
public final class ParityPlot {
  private ParityPlot() {}

  /** Writes {@code base.png} and {@code base.svg}; returns their paths. */
  public static Path[] write(ParityReport report, String modelName, Path base) {
    int n = report.rows().size();
    double[] x = new double[n];
    double[] y = new double[n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x[i] = 1000 * report.dft(i);
      y[i] = 1000 * report.predicted(i);
      lo = Math.min(lo, Math.min(x[i], y[i]));
      hi = Math.max(hi, Math.max(x[i], y[i]));
    }
    double pad = Math.max(1, 0.05 * (hi - lo));
    XYChart chart = new XYChartBuilder().width(640).height(600)
        .title(String.format(java.util.Locale.ROOT, "%s vs DFT: RMSE %.1f, MAE %.1f meV/atom",
            modelName, 1000 * report.rmse(), 1000 * report.mae()))
        .xAxisTitle("DFT " + report.quantity() + " (meV)")
        .yAxisTitle("predicted " + report.quantity() + " (meV)").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(7);
    XYSeries diagonal = chart.addSeries("y = x", new double[] {lo - pad, hi + pad},
        new double[] {lo - pad, hi + pad});
    diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineColor(Color.GRAY);
    diagonal.setLineStyle(new BasicStroke(1f));
    XYSeries points = chart.addSeries("arrangements (" + n + ")", x, y);
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(new Color(70, 110, 180, 170));
    return PlotFiles.write(chart, base);
  }
}
