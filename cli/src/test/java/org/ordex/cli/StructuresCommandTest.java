package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Structure;

class StructuresCommandTest {
  static final String COMNO = InfoCommandTest.COMNO;

  static Path primitiveSpinel(Path dir) throws Exception {
    Path p = dir.resolve("primitive.yaml");
    Files.writeString(p, Files.readString(Path.of(COMNO))
        .replace("cell: conventional", "cell: primitive"));
    return p;
  }

  @Test
  void primitiveSpinelHas15DistinctArrangementsWithMultiplicities(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("all.extxyz");
    CliRun r = CliRun.of("structures", primitiveSpinel(dir).toString(), "--all-compositions",
        "--distinct", "-o", out.toString(), "--poscar", dir.resolve("poscar").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("wrote 15 symmetry-distinct frames"), r.out());
    List<Frame> frames = Extxyz.read(out);
    assertEquals(15, frames.size());
    long total = 0;
    Set<String> ids = new HashSet<>();
    for (Frame f : frames) {
      assertEquals(14, f.structure().size());
      total += Long.parseLong(f.info().get("multiplicity"));
      String id = f.info().get("id");
      assertTrue(ids.add(id));
      assertTrue(id.startsWith(f.info().get("composition") + "-"), id);
      Structure fromPoscar = Poscar.read(dir.resolve("poscar").resolve(id + ".vasp"));
      assertEquals(f.structure().speciesCounts(), fromPoscar.speciesCounts());
      String occupancy = f.info().get("occupancy");
      assertTrue(occupancy.matches("8a:Co\\dMn\\d 16d:Co\\dMn\\d"), occupancy);
    }
    assertEquals(64, total);
    Frame mixed = frames.stream().filter(f -> f.info().get("id").equals("Co3Mn3-0")).findFirst()
        .orElseThrow();
    assertEquals(Integer.valueOf(3), mixed.structure().speciesCounts().get("Co"));
    assertEquals(Integer.valueOf(8), mixed.structure().speciesCounts().get("O"));
  }

  @Test
  void fullModeWritesEveryArrangementOnce(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("x.extxyz");
    CliRun r = CliRun.of("structures", primitiveSpinel(dir).toString(), "--composition", "Co=3",
        "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(20, root.get("frames").asInt());
    List<Frame> frames = Extxyz.read(out);
    Set<String> arrangements = new HashSet<>();
    for (Frame f : frames) {
      assertEquals("1", f.info().get("multiplicity"));
      arrangements.add(String.join("", f.structure().species()));
    }
    assertEquals(20, arrangements.size());
  }

  @Test
  void spinelCellDistinctCountsMatchInfo(@TempDir Path dir) throws Exception {
    JsonNode info = Json.MAPPER.readTree(CliRun.of("info", COMNO, "--json").out());
    CliRun r = CliRun.of("structures", COMNO, "--composition", "Co=3,Mn=21", "--distinct",
        "-o", dir.resolve("co3.extxyz").toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    JsonNode co3 = info.get("compositions").get(3);
    assertEquals(3, co3.get("counts").get("Co").asInt());
    assertEquals(co3.get("distinct").asInt(), root.get("frames").asInt());
    assertEquals(co3.get("arrangements").asLong(), root.get("arrangements").asLong());
    assertEquals(2024, root.get("arrangements").asLong());
  }

  @Test
  void badInputExitsWithCode2AndWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("o.extxyz");
    InfoCommandTest.assertBad(CliRun.of("structures", COMNO, "--composition", "Co=25", "-o",
        out.toString()), "does not fit");
    InfoCommandTest.assertBad(CliRun.of("structures", COMNO, "--composition", "Fe=2", "-o",
        out.toString()), "unknown species 'Fe'");
    InfoCommandTest.assertBad(CliRun.of("structures", COMNO, "--composition", "Co=2",
        "--all-compositions", "-o", out.toString()), "mutually exclusive");
    InfoCommandTest.assertBad(CliRun.of("structures", COMNO, "-o", out.toString()),
        "Missing required");
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    InfoCommandTest.assertBad(CliRun.of("structures", COMNO, "--composition", "Co=1", "-o",
        blocker.resolve("o.extxyz").toString()), "cannot write");
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }
}
