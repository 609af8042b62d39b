package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.potentials.Units;

class ThermoCommandTest {
  static final double KB = Units.KB;

  @Test
  void isingMixingAndMeanFieldCriticalTemperature(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, EnumerateCommandTest.ising(run).code());
    Path out = dir.resolve("thermo");
    CliRun r = CliRun.of("thermo", run.toString(), "--mean-field", "--temperatures",
        "100:1000:100", "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode s = Json.MAPPER.readTree(r.out());
    JsonNode mixing = s.get("mixing");
    assertEquals(16, mixing.get("formulaUnits").asInt());
    // Bragg-Williams for the nearest-neighbour Ising model: k_B T_c = z J = 4 × 0.01 eV
    double tcMf = Double.parseDouble(mixing.get("meanFieldCriticalTemperature").asText()
        .replaceAll("T_c = ([0-9.]+) K.*", "$1"));
    assertEquals(4 * 0.01 / KB, tcMf, 1.0);
    double tcExact = Double.parseDouble(mixing.get("exactCriticalTemperature").asText()
        .replaceAll("T_c = ([0-9.]+) K.*", "$1"));
    assertTrue(tcExact < tcMf, tcExact + " vs " + tcMf);
    assertEquals(tcMf, mixing.get("meanFieldCriticalTemperatureK").asDouble(), 0.05);
    assertEquals(tcExact, mixing.get("exactCriticalTemperatureK").asDouble(), 0.05);
    assertFalse(Pattern.compile(",-0\\.0(,|$)", Pattern.MULTILINE)
        .matcher(Files.readString(out.resolve("mixing.csv"))).find(), "a -0.0 in mixing.csv");
    List<String[]> rows = EnumerateCommandTest.csv(out.resolve("mixing.csv"));
    List<String> header = List.of(rows.get(0));
    for (String[] row : rows.subList(1, rows.size())) {
      double x = Double.parseDouble(row[0]);
      double t = Double.parseDouble(row[1]);
      double df = Double.parseDouble(row[header.indexOf("dF_eV_per_site")]);
      double dh = Double.parseDouble(row[header.indexOf("dH_eV_per_site")]);
      double ds = Double.parseDouble(row[header.indexOf("dS_kB_per_site")]);
      double smax = Double.parseDouble(row[header.indexOf("S_max_kB_per_site")]);
      assertEquals(dh - t * KB * ds, df, 1e-12);
      assertTrue(ds <= smax + 1e-12, x + " " + t);
      if (x == 0.5 && t == 1000) {
        assertTrue(ds > 0.9 * smax, ds + " vs " + smax);
      }
    }
    for (String f : new String[] {"thermo.csv", "mean-field.csv", "miscibility.csv",
        "plots/mixing-free-energy.png", "plots/mixing-free-energy.svg", "plots/inversion.png",
        "plots/heat-capacity.svg", "plots/energy-histogram.png", "plots/miscibility-gap.svg"}) {
      assertTrue(Files.size(out.resolve(f)) > 100, f);
    }
  }

  @Test
  void spinelSublatticeOccupationsAndFittedMeanField(@TempDir Path dir) throws Exception {
    Path ce = EnumerateCommandTest.spinelCe(dir);
    Path run = dir.resolve("run");
    CliRun e = CliRun.of("enumerate", EnumerateCommandTest.PRIMITIVE, "--model", ce.toString(),
        "--all-compositions", "--temperatures", "200:1200:200", "-o", run.toString());
    assertEquals(0, e.code(), e.err());
    CliRun r = CliRun.of("thermo", run.toString(), "--mean-field", "-o",
        dir.resolve("t").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode mixing = Json.MAPPER.readTree(r.out()).get("mixing");
    assertEquals(2, mixing.get("formulaUnits").asInt());
    assertTrue(mixing.get("meanFieldEnergy").asText().startsWith("point approximation"));
    List<String[]> mf = EnumerateCommandTest.csv(dir.resolve("t/mean-field.csv"));
    List<String> header = List.of(mf.get(0));
    int tet = header.indexOf("MF_8a_Co");
    int oct = header.indexOf("MF_16d_Co");
    for (String[] row : mf.subList(1, mf.size())) {
      double x = Double.parseDouble(row[0]);
      assertEquals(6 * x, 2 * Double.parseDouble(row[tet]) + 4 * Double.parseDouble(row[oct]),
          1e-9);
    }
    Files.delete(ce);
    CliRun fitted = CliRun.of("thermo", run.toString(), "--mean-field", "-o",
        dir.resolve("t2").toString(), "--json");
    assertEquals(0, fitted.code(), fitted.err());
    assertTrue(Json.MAPPER.readTree(fitted.out()).get("mixing").get("meanFieldEnergy")
        .asText().startsWith("polynomial of degree 3"));
  }

  @Test
  void badInputExitsWithCode2(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, EnumerateCommandTest.ising(run).code());
    InfoCommandTest.assertBad(CliRun.of("thermo", run.toString(), "--temperatures", "50",
        "-o", dir.resolve("t").toString()), "below");
    InfoCommandTest.assertBad(CliRun.of("thermo", dir.toString(), "-o",
        dir.resolve("t").toString()), "not an enumeration run");
    Path one = dir.resolve("one");
    assertEquals(0, CliRun.of("enumerate", EnumerateCommandTest.ISING, "--model",
        EnumerateCommandTest.ISING_CE, "--composition", "A=8", "-o", one.toString()).code());
    InfoCommandTest.assertBad(CliRun.of("thermo", one.toString(), "--mean-field", "-o",
        dir.resolve("t").toString()), "--mean-field: fewer than three complete compositions");
    assertEquals(0, CliRun.of("thermo", one.toString(), "-o", dir.resolve("t").toString())
        .code());
  }
}
