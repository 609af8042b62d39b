package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
  static final String COMNO = "../examples/comno/system.yaml";

  @Test
  void spinelJsonHasTheDocumentedKeys() throws Exception {
    CliRun r = CliRun.of("info", COMNO, "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(56, root.get("sites").asInt());
    assertEquals(24, root.get("activeSites").asInt());
    assertEquals(192, root.get("symmetryOperations").asInt());
    JsonNode comps = root.get("compositions");
    assertEquals(25, comps.size());
    JsonNode half = comps.get(12);
    assertEquals(12, half.get("counts").get("Co").asInt());
    assertEquals(12, half.get("counts").get("Mn").asInt());
    assertEquals(2704156, half.get("arrangements").asLong());
    assertEquals(14876, half.get("distinct").asLong());
    long total = 0;
    for (JsonNode c : comps) {
      total += c.get("distinct").asLong();
    }
    assertEquals(93780, total);
  }

  @Test
  void textOutputShowsTheTable() {
    CliRun r = CliRun.of("info", COMNO);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("192 operations"), r.out());
    assertTrue(r.out().matches("(?s).*\\n\\s+12\\s+12\\s+2704156\\s+14876\\n.*"), r.out());
    assertTrue(r.out().contains("16777216"));
  }

  @Test
  void singleComposition() throws Exception {
    CliRun r = CliRun.of("info", COMNO, "--composition", "Co=8", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode comps = Json.MAPPER.readTree(r.out()).get("compositions");
    assertEquals(1, comps.size());
    assertEquals(4222, comps.get(0).get("distinct").asLong());
  }

  @Test
  void supercellOverride() {
    CliRun r = CliRun.of("info", "../examples/ising/system.yaml", "--supercell", "3x3x1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("9 active"), r.out());
  }

  @Test
  void badInputExitsWithCode2AndNoStackTrace(@TempDir Path dir) throws Exception {
    assertBad(CliRun.of("info", dir.resolve("missing.yaml").toString()), "no such file");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(Path.of(COMNO)).replace("spinel ", "spinell "));
    assertBad(CliRun.of("info", bad.toString()), "unknown prototype 'spinell'");
    assertBad(CliRun.of("info", COMNO, "--supercell", "1 0 0 0 1 0 0 0 -1"), "determinant -1");
    assertBad(CliRun.of("info", COMNO, "--supercell", "two"), "supercell 'two'");
    assertBad(CliRun.of("info", COMNO, "--composition", "Co=25"), "does not fit");
    assertBad(CliRun.of("info", COMNO, "--composition", "Fe=2"), "unknown species 'Fe'");
    assertBad(CliRun.of("info"), "Missing required parameter");
    assertBad(CliRun.of("frobnicate"), "Unmatched argument");
  }

  static void assertBad(CliRun r, String message) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
