package org.ordex.analysis.hull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.InvalidInputException;

class HullDataTest {
  @TempDir
  Path dir;

  /** A frame of a 4-site chain cell: species given, plus one fixed X atom per 4 sites. */
  static String frame(String species, double energy, String id) {
    StringBuilder b = new StringBuilder();
    String[] s = species.split("");
    b.append(s.length + 1).append('\n');
    b.append("Lattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 energy=")
        .append(energy).append(id == null ? "" : " id=" + id).append(" pbc=\"T T T\"\n");
    for (int i = 0; i < s.length; i++) {
      b.append(s[i]).append(' ').append(i).append(" 0 0\n");
    }
    b.append("X 0 2 2\n");
    return b.toString();
  }

  Path write(String name, String... frames) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("", frames));
    return p;
  }

  @Test
  void formationEnergiesAndDistancesAboveTheHull() throws IOException {
    Path a = write("a.extxyz", frame("AAAA", -8, "pureA"), frame("BBBB", -4, "pureB"),
        frame("AABB", -7, "half"), frame("ABBB", -5, null));
    Path b = write("b.extxyz", frame("AAAB", -6.5, "threeA"), frame("ABAB", -6.4, "half2"));
    HullData data = HullData.read(List.of(a, b), null);
    assertEquals("A", data.speciesA());
    assertEquals("B", data.speciesB());
    FormationHull hull = FormationHull.of(data.entries(), "A", "B");
    assertEquals(-2, hull.referenceA(), 1e-15);
    assertEquals(-1, hull.referenceB(), 1e-15);
    // half: e = -1.75, e_f = -1.75 - (0.5 * -2 + 0.5 * -1) = -0.25
    assertEquals(-0.25, hull.formation(2), 1e-15);
    // ABBB: e = -1.25 at x = 0.25: e_f = -1.25 + 1.25 = 0; hull there -0.125
    assertEquals(0.125, hull.aboveHull(3), 1e-15);
    // AAAB: e = -1.625 at x = 0.75: e_f = -1.625 + 1.75 = 0.125 above hull -0.125: 0.25
    assertEquals(0.25, hull.aboveHull(4), 1e-15);
    assertTrue(hull.onHull(0) && hull.onHull(1) && hull.onHull(2));
    assertFalse(hull.onHull(5));
    assertEquals(3, hull.hull().size());
    assertTrue(data.entries().get(3).id().endsWith("a.extxyz#4"));
    assertEquals("half", data.entries().get(2).id());
    HullData swapped = HullData.read(List.of(a), "B,A");
    assertEquals(0.75, swapped.entries().get(3).x(), 1e-15);
  }

  @Test
  void badInputIsNamed() throws IOException {
    Path noEnergy = write("n.extxyz", "1\nLattice=\"4 0 0 0 4 0 0 0 4\" "
        + "Properties=species:S:1:pos:R:3\nA 0 0 0\n");
    assertTrue(assertThrows(InvalidInputException.class,
        () -> HullData.read(List.of(noEnergy), null)).getMessage().contains("no energy"));
    Path ternary = write("t.extxyz", frame("AABC", -1, null), frame("ABBB", -1, null),
        frame("CCCA", -1, null));
    assertTrue(assertThrows(InvalidInputException.class,
        () -> HullData.read(List.of(ternary), null)).getMessage().contains("--species A,B"));
    Path host = write("h.extxyz", frame("AB", -1, null), frame("AABB", -1, null));
    assertTrue(assertThrows(InvalidInputException.class,
        () -> HullData.read(List.of(host), "A,B")).getMessage().contains("host"));
    Path noEnd = write("e.extxyz", frame("AAAA", -1, null), frame("AABB", -1, null));
    HullData d = HullData.read(List.of(noEnd), null);
    assertTrue(assertThrows(InvalidInputException.class,
        () -> FormationHull.of(d.entries(), "A", "B")).getMessage().contains("pure B"));
    assertThrows(InvalidInputException.class, () -> HullData.read(List.of(noEnd), "A,Q"));
  }

  @Test
  void plotFilesArePngAndSvg() throws IOException {
    Path a = write("a.extxyz", frame("AAAA", -8, null), frame("BBBB", -4, null),
        frame("AABB", -7, null));
    HullData data = HullData.read(List.of(a), null);
    Path[] files = HullPlot.write(FormationHull.of(data.entries(), "A", "B"), "A", "B",
        dir.resolve("hull"));
    byte[] png = Files.readAllBytes(files[0]);
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    assertTrue(Files.readString(files[1]).contains("<svg"));
  }
}
