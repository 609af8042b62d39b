package org.ordex.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A plain x–y chart of named series, as lines with markers or as scatter points, optionally
 * with the diagonal y = x (for parity plots), written as PNG and SVG.
 */
public final class XyPlot {
  /** One series: its legend name and its points. */
  public record Series(String name, double[] x, double[] y) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length
            + " y values");
      }
    }
  }

  /** The chart's title, axis labels and style. */
  public record Style(String title, String xLabel, String yLabel, boolean scatter,
      boolean diagonal) {}

  private XyPlot() {}

  /** Writes {@code base.png} and {@code base.svg}; returns their paths. */
  public static Path[] write(Style style, List<Series> series, Path base) {
    XYChart chart = new XYChartBuilder().width(800).height(560).title(style.title())
        .xAxisTitle(style.xLabel()).yAxisTitle(style.yLabel()).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendVisible(series.size() > 1 || style.diagonal());
    chart.getStyler().setMarkerSize(style.scatter() ? 5 : 4);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
      xy.setXYSeriesRenderStyle(style.scatter() ? XYSeries.XYSeriesRenderStyle.Scatter
          : XYSeries.XYSeriesRenderStyle.Line);
      xy.setMarker(SeriesMarkers.CIRCLE);
      for (int i = 0; i < s.x().length; i++) {
        lo = Math.min(lo, Math.min(s.x()[i], s.y()[i]));
        hi = Math.max(hi, Math.max(s.x()[i], s.y()[i]));
      }
    }
    if (style.diagonal() && lo <= hi) {
      XYSeries d = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
      d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      d.setMarker(SeriesMarkers.NONE);
      d.setLineColor(Color.GRAY);
      d.setLineStyle(new BasicStroke(1f));
    }
    return PlotFiles.write(chart, base);
  }
}
