package org.ordex.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ordex.analysis.plot.PlotFiles;

/**
 * A line plot (XChart) written as PNG and SVG ({@link PlotFiles}): series drawn solid with markers (exact data),
 * dashed (mean field), dotted (references) or as markers only. Runs headless. Mutable while
 * series are added.
 */
public final class Plot {
  /** How a series is drawn: lines (with markers), or markers only (two shapes). */
  public enum Style { SOLID, MARKERS, DASHED, DOTTED, POINTS, DIAMONDS }

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728),
      new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22)};

  private final XYChart chart;
  private int series;

  private Plot(String title, String xTitle, String yTitle) {
    chart = new XYChartBuilder().width(900).height(620).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideE)
        .setMarkerSize(6);
  }

  /** An empty plot with a title and axis titles (units included). */
  public static Plot of(String title, String xTitle, String yTitle) {
    return new Plot(title, xTitle, yTitle);
  }

  /**
   * Adds a series; {@code colourOf} pairs series (e.g. the exact and mean-field curves of one
   * temperature share index k).
   */
  public Plot add(String name, double[] x, double[] y, Style style, int colour) {
    XYSeries s = chart.addSeries(name, x, y);
    Color c = PALETTE[Math.floorMod(colour, PALETTE.length)];
    s.setLineColor(c);
    s.setMarkerColor(c);
    boolean scatter = style == Style.POINTS || style == Style.DIAMONDS;
    s.setXYSeriesRenderStyle(scatter ? XYSeries.XYSeriesRenderStyle.Scatter
        : XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(switch (style) {
      case MARKERS, POINTS -> SeriesMarkers.CIRCLE;
      case DIAMONDS -> SeriesMarkers.DIAMOND;
      default -> SeriesMarkers.NONE;
    });
    float[] dash = switch (style) {
      case DASHED -> new float[] {8, 5};
      case DOTTED -> new float[] {2, 4};
      default -> null;
    };
    s.setLineStyle(dash == null ? new BasicStroke(1.8f)
        : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dash, 0));
    series++;
    return this;
  }

  /** Adds a series coloured by its position. */
  public Plot add(String name, double[] x, double[] y, Style style) {
    return add(name, x, y, style, series);
  }

  /** Logarithmic y axis. */
  public Plot logY() {
    chart.getStyler().setYAxisLogarithmic(true);
    return this;
  }

  /** Writes the plot as {@code base.png} and {@code base.svg} (atomically); returns both. */
  public Path[] write(Path base) {
    return PlotFiles.write(chart, base);
  }
}
