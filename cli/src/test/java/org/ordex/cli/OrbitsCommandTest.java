package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;

class OrbitsCommandTest {

  @Test
  void everyArrangementFallsIntoTheOrbitOfItsDistinctRepresentative(@TempDir Path dir)
      throws Exception {
    Path system = StructuresCommandTest.primitiveSpinel(dir);
    Path distinct = dir.resolve("distinct.extxyz");
    Path all = dir.resolve("all.extxyz");
    assertEquals(0, CliRun.of("structures", system.toString(), "--all-compositions",
        "--distinct", "-o", distinct.toString()).code());
    assertEquals(0, CliRun.of("structures", system.toString(), "--all-compositions", "-o",
        all.toString()).code());

    CliRun r = CliRun.of("orbits", system.toString(), distinct.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(15, root.get("structures").asInt());
    assertTrue(root.get("everyOrbitOnce").asBoolean());
    assertTrue(root.get("multiplicitiesAgree").asBoolean());
    assertEquals(7, root.get("compositions").size());

    Path csv = dir.resolve("orbits.csv");
    r = CliRun.of("orbits", system.toString(), all.toString(), "-o", csv.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    root = Json.MAPPER.readTree(r.out());
    assertEquals(64, root.get("structures").asInt());
    assertFalse(root.get("everyOrbitOnce").asBoolean());
    assertEquals(64 - 15, root.get("duplicates").size());
    for (JsonNode c : root.get("compositions")) {
      assertTrue(c.get("complete").asBoolean(), c.toString());
      assertEquals(c.get("arrangements").asLong(), c.get("arrangementsCovered").asLong());
    }
    // the orbit ids are the distinct representatives' ids, each met orbit-size times
    Map<String, Long> multiplicity = new HashMap<>();
    for (Frame f : Extxyz.read(distinct)) {
      multiplicity.put(f.info().get("id"), Long.parseLong(f.info().get("multiplicity")));
    }
    Csv table = Csv.read(csv);
    int idColumn = table.column("orbit_id");
    Map<String, Long> seen = table.rows().stream()
        .collect(Collectors.groupingBy(row -> row[idColumn], Collectors.counting()));
    assertEquals(multiplicity, seen);
  }

  @Test
  void reportsWrongMultiplicitiesAndDuplicates(@TempDir Path dir) throws Exception {
    Path system = StructuresCommandTest.primitiveSpinel(dir);
    Path distinct = dir.resolve("distinct.extxyz");
    assertEquals(0, CliRun.of("structures", system.toString(), "--composition", "Co=2",
        "--distinct", "-o", distinct.toString()).code());
    List<Frame> frames = Extxyz.read(distinct);
    Map<String, String> info = new HashMap<>(frames.get(1).info());
    info.put("multiplicity", "5");
    Frame wrong = new Frame(frames.get(1).structure(), Double.NaN, null, null, info);
    Path edited = dir.resolve("edited.extxyz");
    Extxyz.write(edited, List.of(frames.get(0), wrong, frames.get(0)));
    CliRun r = CliRun.of("orbits", system.toString(), edited.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("duplicate: " + edited + "#3 is in orbit"), r.out());
    assertTrue(r.out().contains("multiplicity: " + edited + "#2 gives 5"), r.out());
    assertTrue(r.out().matches("(?s).*Co2Mn4 +3 +2 +3 +1 .* no +1 of 3.*"), r.out());
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    Path system = StructuresCommandTest.primitiveSpinel(dir);
    Path conventional = dir.resolve("conv.extxyz");
    assertEquals(0, CliRun.of("structures", InfoCommandTest.COMNO, "--composition", "Co=0",
        "-o", conventional.toString()).code());
    InfoCommandTest.assertBad(CliRun.of("orbits", system.toString(), conventional.toString()),
        "not the system's");
    Path bad = dir.resolve("bad.extxyz");
    Files.writeString(bad, Files.readString(conventional).replace("multiplicity=1",
        "multiplicity=x"));
    InfoCommandTest.assertBad(CliRun.of("orbits", InfoCommandTest.COMNO, bad.toString()),
        "multiplicity=x is not a positive integer");
    InfoCommandTest.assertBad(CliRun.of("orbits", system.toString(),
        dir.resolve("missing.extxyz").toString()), "missing.extxyz");
  }
}
