package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoscarTest {
  static final String CARTESIAN = """
      NaCl rock salt
      -179.406144
        5.64 0 0
        0 5.64 0
        0 0 5.64
      Na_pv Cl
      1 1
      Selective dynamics
      Cartesian
        0 0 0 T T T
        2.82 2.82 2.82 F F F
      """;

  @Test
  void readsNegativeVolumeScaleCartesianAndSelectiveDynamics() {
    Structure s = Poscar.parse(CARTESIAN, "test");
    // target volume 179.406144 = 5.64^3 → scale 1.0
    assertEquals(5.64, s.lattice().length(0), 1e-9);
    assertEquals("Na", s.species(0));
    assertEquals("Cl", s.species(1));
    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, s.fractional(1), 1e-12);
  }

  @Test
  void scaleFactorMultipliesCartesianPositions() {
    String text = CARTESIAN.replace("-179.406144", "2.0");
    Structure s = Poscar.parse(text, "test");
    assertEquals(11.28, s.lattice().length(0), 1e-9);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, s.fractional(1), 1e-12);
  }

  @Test
  void roundTripKeepsEverySite(@TempDir Path dir) {
    Prototype.LabelledCell cell = Prototype.SPINEL.build(Map.of("a", 8.0, "u", 0.26), false);
    String[] species = new String[56];
    for (int i = 0; i < 56; i++) {
      species[i] = i < 8 ? "Co" : i < 24 ? (i % 2 == 0 ? "Mn" : "Co") : "O";
    }
    Structure s = cell.structure().withSpecies(species);
    Path file = dir.resolve("POSCAR");
    Poscar.write(file, s, "test");
    Structure back = Poscar.read(file);
    assertEquals(s.size(), back.size());
    assertEquals(s.speciesCounts(), back.speciesCounts());
    // sites are grouped by species: every written site is found again
    for (int i = 0; i < s.size(); i++) {
      boolean found = false;
      for (int j = 0; j < back.size(); j++) {
        if (back.species(j).equals(s.species(i))
            && s.lattice().periodicDistance(s.fractional(i), back.fractional(j)) < 1e-12) {
          found = true;
        }
      }
      assertTrue(found, "site " + i);
    }
    assertEquals(List.of(), leftovers(dir));
  }

  private static List<Path> leftovers(Path dir) {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void vasp4FileWithoutSpeciesLineNamesTheLine() {
    String text = "x\n1.0\n1 0 0\n0 1 0\n0 0 1\n1 1\nDirect\n0 0 0\n.5 .5 .5\n";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Poscar.parse(text, "POSCAR"));
    assertTrue(e.getMessage().startsWith("POSCAR line 6:"), e.getMessage());
  }

  @Test
  void badNumberNamesTheLine() {
    String text = CARTESIAN.replace("2.82 2.82 2.82", "2.82 abc 2.82");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Poscar.parse(text, "P"));
    assertTrue(e.getMessage().contains("P line 11"), e.getMessage());
    assertTrue(e.getMessage().contains("abc"), e.getMessage());
  }

  @Test
  void truncatedFileIsReported() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Poscar.parse("x\n1.0\n1 0 0\n", "P"));
    assertTrue(e.getMessage().contains("unexpected end of file"), e.getMessage());
  }
}
