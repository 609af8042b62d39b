package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.Lattice;
import org.ordex.lattice.Structure;

class MapCommandTest {

  @Test
  void strainedCellsBecomeIdealWithEnergiesAndInfoKept(@TempDir Path dir) throws Exception {
    Path system = StructuresCommandTest.primitiveSpinel(dir);
    Path all = dir.resolve("all.extxyz");
    assertEquals(0, CliRun.of("structures", system.toString(), "--composition", "Co=2",
        "--distinct", "-o", all.toString()).code());
    List<Frame> ideal = Extxyz.read(all);
    // stretch every cell by 3 % along z (as a Vegard cell would) and give it an energy
    Path strained = dir.resolve("strained.extxyz");
    List<Frame> frames = new java.util.ArrayList<>();
    for (int i = 0; i < ideal.size(); i++) {
      Structure s = ideal.get(i).structure();
      double[][] m = s.lattice().matrix();
      for (double[] row : m) {
        row[2] *= 1.03;
      }
      double[][] frac = new double[s.size()][];
      for (int a = 0; a < s.size(); a++) {
        frac[a] = s.fractional(a);
      }
      frames.add(new Frame(Structure.of(Lattice.of(m), frac, s.species()), -10.0 - i, null,
          null, ideal.get(i).info()));
    }
    Extxyz.write(strained, frames);
    Path out = dir.resolve("mapped.extxyz");
    CliRun r = CliRun.of("map", system.toString(), strained.toString(), "-o", out.toString(),
        "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(3, root.get("structures").asInt());
    assertTrue(root.get("maxShearStrain").asDouble() > 0.005);
    List<Frame> mapped = Extxyz.read(out);
    for (int i = 0; i < mapped.size(); i++) {
      Frame f = mapped.get(i);
      assertEquals(-10.0 - i, f.energy());
      Map<String, String> info = f.info();
      assertEquals(ideal.get(i).info().get("id"), info.get("id"));
      assertEquals(strained + "#" + (i + 1), info.get("source"));
      assertEquals(ideal.get(i).structure().lattice().volume(),
          f.structure().lattice().volume(), 1e-9, "the ideal cell again");
      assertEquals(ideal.get(i).structure().speciesCounts(), f.structure().speciesCounts());
    }
    // the mapped structures are the same arrangements: ordex orbits agrees with the ids
    CliRun o = CliRun.of("orbits", system.toString(), out.toString(), "--json");
    assertTrue(Json.MAPPER.readTree(o.out()).get("everyOrbitOnce").asBoolean(), o.out());
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    Path system = StructuresCommandTest.primitiveSpinel(dir);
    Path out = dir.resolve("out.extxyz");
    Path conventional = dir.resolve("ge.extxyz");
    assertEquals(0, CliRun.of("structures", "../examples/gesn2n4/system.yaml", "--composition",
        "Ge=0", "-o", conventional.toString()).code());
    InfoCommandTest.assertBad(CliRun.of("map", system.toString(), conventional.toString(), "-o",
        out.toString()), "which is not on the lattice");
    assertFalse(Files.exists(out));
  }
}
