package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionTest {
  static Supercell spinel() {
    return Supercell.diagonal(SpinelSymmetryTest.spinel(false), 1, 1, 1);
  }

  @Test
  void parsesCountsOmittedRestAndFractions() {
    Supercell cell = spinel();
    assertArrayEquals(new int[] {12, 12, 0}, Composition.parse("Co=12,Mn=12", cell).counts());
    assertArrayEquals(new int[] {6, 18, 0}, Composition.parse("Co=6", cell).counts());
    assertArrayEquals(new int[] {8, 16, 0}, Composition.parse("Mn=0.6666666666666666", cell)
        .counts());
    assertEquals("Co=12,Mn=12", Composition.parse("Mn = 12", cell).toString());
    assertEquals("Co12Mn12", Composition.parse("Mn=12", cell).label());
  }

  @Test
  void rejectsWhatDoesNotFit() {
    Supercell cell = spinel();
    assertTrue(message("Co=13,Mn=12", cell).contains("add up to the 24 active sites"));
    assertTrue(message("Fe=12", cell).contains("unknown species 'Fe'"));
    assertTrue(message("O=12", cell).contains("unknown species 'O'"));
    assertTrue(message("Co=0.3", cell).contains("not a whole number"));
    assertTrue(message("Co=-1", cell).contains("negative amount"));
    assertTrue(message("Co=many", cell).contains("neither a count nor a fraction"));
    assertTrue(message("Co12", cell).contains("SPECIES=COUNT"));
    assertTrue(message("Co=1,Co=2", cell).contains("twice"));
  }

  @Test
  void sublatticeCapacitiesAreRespected() {
    // 8a allows Zn or Co, 16d allows Co or Mn (primitive cell: 2 + 4 active sites)
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0, "u", 0.26), true);
    ParentLattice p = ParentLattice.of(c.structure(), c.labels(), Map.of("8a",
        List.of("Zn", "Co"), "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
    Supercell cell = Supercell.diagonal(p, 1, 1, 1);
    assertArrayEquals(new int[] {2, 0, 4, 0}, Composition.parse("Zn=2,Co=0,Mn=4", cell).counts());
    assertArrayEquals(new int[] {0, 6, 0, 0}, Composition.parse("Zn=0,Co=6,Mn=0", cell).counts());
    assertTrue(message("Zn=3,Co=3,Mn=0", cell).contains("too many Zn"));
    assertTrue(message("Zn=0,Co=1,Mn=5", cell).contains("too many Mn"));
  }

  static String message(String spec, Supercell cell) {
    return assertThrows(InvalidInputException.class, () -> Composition.parse(spec, cell))
        .getMessage();
  }
}
