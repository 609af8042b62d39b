package org.ordex.analysis.plot;

import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.ordex.lattice.AtomicFiles;

/**
 * Writes an XChart chart as {@code BASE.png} and {@code BASE.svg} (SVG through
 * VectorGraphics2D), each atomically. Runs headless.
 */
public final class PlotFiles {
  private PlotFiles() {}

  /** Writes {@code base + ".png"} and {@code base + ".svg"}; returns the two paths. */
  public static Path[] write(Chart<?, ?> chart, Path base) {
    System.setProperty("java.awt.headless", "true");
    Path png = base.resolveSibling(base.getFileName() + ".png");
    Path svg = base.resolveSibling(base.getFileName() + ".svg");
    AtomicFiles.stream(png, out -> BitmapEncoder.saveBitmap(chart, out,
        BitmapEncoder.BitmapFormat.PNG));
    AtomicFiles.stream(svg, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
        VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    return new Path[] {png, svg};
  }
}
