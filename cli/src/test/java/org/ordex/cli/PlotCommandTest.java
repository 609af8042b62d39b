package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
  static final String TABLE = """
      # energies in eV per cell
      composition,T_K,value,note
      A1,100,0.5,"x, y"
      A1,200,0.25,
      B2,100,1.5,z
      B2,200,,z
      B2,300,NaN,z
      """;

  @Test
  void seriesPerGroupWithScalingAndFilters(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, TABLE);
    Path base = dir.resolve("plot");
    CliRun r = CliRun.of("plot", csv.toString(), "--x", "T_K", "--y", "value", "--group",
        "composition", "--y-scale", "1000", "-o", base.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(dir.resolve("plot.png")) > 1000);
    assertTrue(Files.readString(dir.resolve("plot.svg")).contains("<svg"));
    JsonNode series = Json.MAPPER.readTree(r.out()).get("series");
    assertEquals(2, series.size());
    assertEquals("A1", series.get(0).get("name").asText());
    assertEquals(250.0, series.get(0).get("y").get(1).asDouble());
    assertEquals(1, series.get(1).get("points").asInt(), "empty and NaN values are left out");

    r = CliRun.of("plot", csv.toString(), "--x", "T_K", "--y", "value", "--where",
        "composition=B2", "--labels", "only B", "-o", base.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    series = Json.MAPPER.readTree(r.out()).get("series");
    assertEquals(1, series.size());
    assertEquals("only B", series.get(0).get("name").asText());

    r = CliRun.of("plot", csv.toString(), "--x", "T_K", "--y", "value", "--group",
        "composition", "--where", "T_K=200|300", "-o", base.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    series = Json.MAPPER.readTree(r.out()).get("series");
    assertEquals(1, series.size(), "A1 at 200 K; B2 has no finite value at 200 or 300 K");
  }

  @Test
  void columnsApplyToTheTablesThatHaveThem(@TempDir Path dir) throws Exception {
    Path exact = dir.resolve("exact.csv");
    Files.writeString(exact, "T_K,occ\n100,0.1\n200,0.2\n");
    Path meanField = dir.resolve("mf.csv");
    Files.writeString(meanField, "x,temperature_K,MF_occ\n0.5,100,0.15\n0.25,100,9\n"
        + "0.5,200,0.3\n");
    CliRun r = CliRun.of("plot", exact.toString(), meanField.toString(), "--x",
        "T_K|temperature_K", "--y",
        "occ,MF_occ", "--where", "x=0.5", "-o", dir.resolve("p").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode series = Json.MAPPER.readTree(r.out()).get("series");
    assertEquals(2, series.size());
    assertEquals("exact.csv occ", series.get(0).get("name").asText());
    assertEquals("[0.15,0.3]", series.get(1).get("y").toString());
    InfoCommandTest.assertBad(CliRun.of("plot", exact.toString(), meanField.toString(), "--x",
        "T_K", "--y", "zz", "-o", dir.resolve("q").toString()), "no column 'zz' in any of");
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, TABLE);
    String base = dir.resolve("p").toString();
    InfoCommandTest.assertBad(CliRun.of("plot", csv.toString(), "--x", "T", "--y", "value",
        "-o", base), "no column 'T'");
    InfoCommandTest.assertBad(CliRun.of("plot", csv.toString(), "--x", "T_K", "--y", "note",
        "-o", base), "column note: 'x, y' is not a number");
    InfoCommandTest.assertBad(CliRun.of("plot", csv.toString(), "--x", "T_K", "--y", "value",
        "--where", "composition=C3", "-o", base), "no rows to plot");
    InfoCommandTest.assertBad(CliRun.of("plot", csv.toString(), "--x", "T_K", "--y", "value",
        "--group", "composition", "--labels", "one", "-o", base), "1 names for 2 series");
    Files.writeString(csv, "a,b\n1,2,3\n");
    InfoCommandTest.assertBad(CliRun.of("plot", csv.toString(), "--x", "a", "--y", "b",
        "-o", base), "line 2: 3 fields, the header has 2");
    assertTrue(!Files.exists(dir.resolve("p.png")));
  }
}
