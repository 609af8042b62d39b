package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;

class ClusterSpaceTest {
  /** Order, rounded longest distance (Å) and multiplicity per primitive cell of every orbit. */
  private static String table(ClusterSpace space) {
    StringBuilder b = new StringBuilder();
    for (Orbit o : space.orbits()) {
      b.append(String.format("%d:%.3f:%d ", o.order(), o.maxDistance(), o.multiplicity()));
    }
    return b.toString().trim();
  }

  @Test
  void fccPairsToThirdShellAndNearestNeighbourTriplets() {
    // a = 4 Å: shells at 2.828, 4.000, 4.899 (then 5.657) Å, coordination 12, 6, 24.
    String expected = "0:0.000:1 1:0.000:1 2:2.828:6 2:4.000:3 2:4.899:12 3:2.828:8";
    for (boolean primitive : new boolean[] {true, false}) {
      ClusterSpace space = ClusterSpace.of(TestLattices.fcc(primitive, "Cu", "Au"), 5.0, 3.0);
      assertEquals(expected, table(space), "primitive=" + primitive);
      assertEquals(primitive ? 1 : 4, space.primitiveCellsPerParentCell());
      assertEquals(6, space.size());
    }
  }

  @Test
  void fccNearestNeighbourTetrahedron() {
    ClusterSpace space = ClusterSpace.of(TestLattices.fcc(true, "Cu", "Au"), 3.0, 3.0, 3.0);
    assertEquals("0:0.000:1 1:0.000:1 2:2.828:6 3:2.828:8 4:2.828:2", table(space));
  }

  @Test
  void spinelNearestPairs() {
    // a = 8.0835 Å: 16d-16d at a√2/4, 8a-16d at a√11/8, 8a-8a at a√3/4; per primitive cell
    // (2 tetrahedral + 4 octahedral sites): 4·6/2 = 12, 2·12 = 24, 2·4/2 = 4.
    ClusterSpace space = ClusterSpace.of(TestLattices.spinel(), 3.6);
    assertEquals("0:0.000:1 1:0.000:2 1:0.000:4 2:2.858:12 2:3.351:24 2:3.500:4",
        table(space));
    Orbit tetrahedral = space.orbits().get(1);
    assertEquals("8a", space.parent().label(tetrahedral.representative()[0][0]));
  }

  @Test
  void ternaryDecorations() {
    ParentLattice fcc = TestLattices.fcc(true, "Cu", "Au", "Pd");
    ClusterSpace space = ClusterSpace.of(fcc, 3.0, 3.0);
    // point: (1), (2); NN pair (symmetric): (1,1), (1,2)~(2,1), (2,2); equilateral
    // triplet: (1,1,1), (1,1,2), (1,2,2), (2,2,2).
    assertEquals(1 + 2 + 3 + 4, space.size());
    List<CorrelationFunction> fns = space.functions();
    assertArrayEquals(new int[] {1, 2}, fns.get(4).decoration());
    assertEquals(2, fns.get(4).decorations().length);
    assertArrayEquals(new int[] {1, 1, 2}, fns.get(7).decoration());
    assertEquals(3, fns.get(7).decorations().length);
  }

  @Test
  void badCutoffsAreBadInput() {
    ParentLattice fcc = TestLattices.fcc(true, "Cu", "Au");
    assertMessage("expected a positive distance", () -> ClusterSpace.of(fcc, 0));
    assertMessage("expected a positive distance", () -> ClusterSpace.of(fcc, 5, -1));
    assertMessage("expected a positive distance", () -> ClusterSpace.of(fcc, Double.NaN));
    assertMessage("at most 5", () -> ClusterSpace.of(fcc, 3, 3, 3, 3, 3, 3));
    assertMessage("shortest distance between active sites is 2.8284 Å",
        () -> ClusterSpace.of(fcc, 2.0));
    assertMessage("too long", () -> ClusterSpace.of(fcc, 5, 5, 5, 40));
    assertMessage("too long", () -> ClusterSpace.of(fcc, 300));
    assertMessage("too long", () -> ClusterSpace.of(fcc, 5, 60));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
    InvalidInputException x = assertThrows(InvalidInputException.class, e);
    assertTrue(x.getMessage().contains(part), x.getMessage());
  }
}
