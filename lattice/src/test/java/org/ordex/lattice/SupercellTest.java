package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupercellTest {
  static ParentLattice fcc() {
    Prototype.LabelledCell c = Prototype.FCC.build(Map.of("a", 4.0), true);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("4a", List.of("Cu", "Au")), 0.01);
  }

  @Test
  void conventionalShapeOfPrimitiveFcc() {
    Supercell cell = Supercell.of(fcc(), new int[][] {{-1, 1, 1}, {1, -1, 1}, {1, 1, -1}});
    assertEquals(4, cell.size());
    assertEquals(4.0, cell.lattice().length(0), 1e-12);
    // 192 space-group operations act on 4 sites as only the 24 permutations of S4
    assertEquals(24, cell.symmetryCount());
    // every site index round-trips through its translation
    for (int s = 0; s < cell.size(); s++) {
      assertEquals(s, cell.siteIndex(cell.parentSite(s), cell.translation(s)));
    }
  }

  @Test
  void siteIndexReducesModuloTheSupercell() {
    Supercell cell = Supercell.diagonal(fcc(), 2, 3, 4);
    assertEquals(24, cell.size());
    int s = cell.siteIndex(0, new int[] {1, 2, 3});
    assertEquals(s, cell.siteIndex(0, new int[] {3, -1, 7}));
    assertArrayEquals(new int[] {1, 2, 3}, cell.translation(s));
  }

  @Test
  void nonPositiveDeterminantIsBadInput() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Supercell.of(fcc(), new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, -1}}));
    assertTrue(e.getMessage().contains("determinant -1"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> Supercell.diagonal(fcc(), 2, 0, 2));
  }

  @Test
  void parsesSupercellSpecs() {
    assertArrayEquals(new int[] {2, 0, 0}, Supercell.parseMatrix("2x2x2")[0]);
    assertArrayEquals(new int[] {0, 0, 3}, Supercell.parseMatrix("3")[2]);
    assertArrayEquals(new int[] {1, 1, 0}, Supercell.parseMatrix("1 1 0 0 1 0 0 0 1")[0]);
    assertThrows(InvalidInputException.class, () -> Supercell.parseMatrix("2x2"));
  }

  @Test
  void configurationRoundTripsThroughStructure() {
    Supercell cell = Supercell.diagonal(fcc(), 2, 2, 2);
    byte[] occ = new byte[8];
    occ[3] = 1;
    occ[5] = 1;
    Configuration c = Configuration.of(cell, occ);
    Configuration back = Configuration.fromStructure(cell, c.toStructure(), 0.01);
    assertEquals(c, back);
    assertArrayEquals(new int[] {6, 2}, back.composition());
  }

  @Test
  void disallowedSpeciesIsRejected() {
    Supercell cell = Supercell.diagonal(fcc(), 1, 1, 1);
    assertThrows(InvalidInputException.class, () -> Configuration.of(cell, new byte[] {2}));
  }
}
