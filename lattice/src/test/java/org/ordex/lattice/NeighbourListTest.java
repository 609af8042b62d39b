package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighbourListTest {
  @Test
  void fccPrimitiveCellShellsIncludeSelfImages() {
    Structure fcc = Prototype.FCC.build(Map.of("a", 4.0), true).structure();
    NeighbourList nl = NeighbourList.build(fcc, 3.0);
    assertEquals(12, nl.end(0) - nl.start(0));
    for (int e = nl.start(0); e < nl.end(0); e++) {
      assertEquals(4.0 / Math.sqrt(2), nl.distance(e), 1e-12);
      assertEquals(0, nl.neighbour(e));
    }
    // 1st + 2nd + 3rd shells: 12 + 6 + 24
    assertEquals(42, NeighbourList.build(fcc, 5.0).pairs());
  }

  @Test
  void sameShellCountsInConventionalCell() {
    Structure fcc = Prototype.FCC.build(Map.of("a", 4.0), false).structure();
    NeighbourList nl = NeighbourList.build(fcc, 5.0);
    for (int i = 0; i < 4; i++) {
      assertEquals(42, nl.end(i) - nl.start(i));
    }
  }

  @Test
  void nonPeriodicDirectionHasNoImages() {
    Lattice l = Lattice.orthorhombic(2, 2, 2);
    Structure s = Structure.of(l, new double[][] {{0, 0, 0}}, new String[] {"H"},
        new boolean[] {true, true, false});
    assertEquals(4, NeighbourList.build(s, 2.1).pairs());
  }

  @Test
  void atomsOutsideTheCellAreHandled() {
    Lattice l = Lattice.orthorhombic(3, 3, 3);
    Structure inside = Structure.of(l, new double[][] {{0.1, 0.1, 0.1}, {0.6, 0.5, 0.5}},
        new String[] {"A", "B"});
    Structure outside = Structure.of(l, new double[][] {{2.1, -1.9, 0.1}, {0.6, 0.5, 3.5}},
        new String[] {"A", "B"});
    assertEquals(NeighbourList.build(inside, 6.5).pairs(),
        NeighbourList.build(outside, 6.5).pairs());
  }
}
