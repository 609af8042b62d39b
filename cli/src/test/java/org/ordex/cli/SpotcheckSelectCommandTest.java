package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.analysis.spotcheck.Manifest;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;

class SpotcheckSelectCommandTest {
  static final String PRIMITIVE = SpotcheckExportCommandTest.PRIMITIVE;

  /** All 64 arrangements of the 14-atom cell, symmetry-equivalent ones included. */
  static Path all64(Path dir) {
    Path all = dir.resolve("all.extxyz");
    CliRun r = CliRun.of("structures", PRIMITIVE, "--all-compositions", "-o", all.toString());
    assertEquals(0, r.code(), r.err());
    return all;
  }

  @Test
  void neverTwoSymmetryEquivalentArrangements(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sel");
    CliRun r = CliRun.of("spotcheck", "select", all64(dir).toString(), "--system", PRIMITIVE,
        "--cutoffs", "6,4", "-n", "40", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    List<Frame> chosen = Extxyz.read(out.resolve("selected.extxyz"));
    assertEquals(15, chosen.size(), "one per orbit: the 15 distinct arrangements");
    Set<String> occupancies = new HashSet<>();
    chosen.forEach(f -> occupancies.add(f.info().get("occupancy")));
    // the 15 orbits of this cell have 15 different sublattice occupancies
    assertEquals(15, occupancies.size());
    Manifest m = Manifest.read(out.resolve("manifest.json"));
    assertEquals(15, m.entries().size());
    assertTrue(m.entries().get(0).reasons().get(0).startsWith("D-optimal"));
    assertTrue(m.entries().get(0).grade() > 1);
  }

  @Test
  void predictedEnergiesChooseTheLowestPerCompositionFirst(@TempDir Path dir)
      throws Exception {
    List<Frame> frames = Extxyz.read(all64(dir));
    List<Frame> scored = new ArrayList<>();
    for (Frame f : frames) {
      // a toy prediction: Co on tetrahedral sites is favoured
      String occ = f.info().get("occupancy");
      int coTet = occ.charAt(occ.indexOf("8a:Co") + 5) - '0';
      scored.add(new Frame(f.structure(), -0.1 * coTet + 0.001 * Long.parseLong(
          f.info().get("rank")), null, null, f.info()));
    }
    Path in = dir.resolve("scored.extxyz");
    Extxyz.write(in, scored);
    Path train = dir.resolve("train.extxyz");
    Extxyz.write(train, List.of(scored.get(0)));
    Path out = dir.resolve("sel");
    CliRun r = CliRun.of("spotcheck", "select", in.toString(), "--system", PRIMITIVE,
        "--cutoffs", "6", "-n", "8", "--hull-window", "0", "--train", train.toString(), "-o",
        out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    Manifest m = Manifest.read(out.resolve("manifest.json"));
    assertEquals(8, m.entries().size());
    // the same list as a table, in the same order
    Csv table = Csv.read(out.resolve("selected.csv"));
    assertEquals(8, table.rows().size());
    for (int i = 0; i < 8; i++) {
      String[] row = table.rows().get(i);
      Manifest.Entry e = m.entries().get(i);
      assertEquals(e.id(), row[table.column("id")]);
      assertEquals(e.grade(), Double.parseDouble(row[table.column("grade")]));
      assertEquals(e.predicted(), Double.parseDouble(row[table.column("predicted_eV_per_cell")]));
      assertEquals(String.join("; ", e.reasons()), row[table.column("reasons")]);
    }
    Set<String> compositions = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      Manifest.Entry e = m.entries().get(i);
      assertTrue(e.reasons().get(0).startsWith("lowest predicted energy"), e.reasons().toString());
      assertTrue(compositions.add(e.info().get("composition")));
      assertFalse(Double.isNaN(e.predicted()));
    }
    // Co0Mn6 has one arrangement, already in the training set: 6 compositions left
    assertFalse(compositions.contains("Co0Mn6"));
    assertTrue(m.entries().get(6).reasons().get(0).startsWith("D-optimal"));
    assertTrue(r.out().contains("\"chosen\" : 8"), r.out());
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    Path all = all64(dir);
    CliRun r = CliRun.of("spotcheck", "select", all.toString(), "--system", PRIMITIVE, "-n", "3",
        "-o", dir.resolve("x").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--cutoffs"), r.err());
    Path off = dir.resolve("off.extxyz");
    Files.writeString(off, "1\nLattice=\"3 0 0 0 3 0 0 0 3\" id=z\nCo 0 0 0\n");
    r = CliRun.of("spotcheck", "select", off.toString(), "--system", PRIMITIVE, "--cutoffs",
        "6", "-n", "3", "-o", dir.resolve("x").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("z"), r.err());
    assertFalse(Files.exists(dir.resolve("x")));
  }
}
