package org.ordex.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {
  @Test
  void writesPngAndSvg(@TempDir Path dir) throws Exception {
    Plot.of("ΔF_mix", "x", "eV per formula unit")
        .add("exact 300 K", new double[] {0, 0.5, 1}, new double[] {0, -0.1, 0},
            Plot.Style.MARKERS, 0)
        .add("mean field 300 K", new double[] {0, 0.5, 1}, new double[] {0, -0.12, 0},
            Plot.Style.DASHED, 0)
        .add("gap", new double[] {0.2, 0.8}, new double[] {-0.05, -0.05}, Plot.Style.DIAMONDS)
        .write(dir.resolve("mix"));
    byte[] png = Files.readAllBytes(dir.resolve("mix.png"));
    assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    String svg = Files.readString(dir.resolve("mix.svg"));
    assertTrue(svg.contains("<svg") && svg.contains("</svg>"));
  }
}
