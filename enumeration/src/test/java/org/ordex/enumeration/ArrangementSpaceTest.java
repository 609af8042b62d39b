package org.ordex.enumeration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;

class ArrangementSpaceTest {

  static ArrangementSpace space(Supercell cell, String composition) {
    return composition.contains(":")
        ? ArrangementSpace.of(SublatticeComposition.parse(composition, cell))
        : ArrangementSpace.of(Composition.parse(composition, cell));
  }

  /** Every rank gives a distinct arrangement of the right composition and ranks back. */
  static void checkBijection(ArrangementSpace space, int[] expectedTotal) {
    Set<String> seen = new HashSet<>();
    byte[] occ = new byte[space.supercell().activeSiteCount()];
    ArrangementCursor cursor = new ArrangementCursor(space);
    for (long r = 0; r < space.size(); r++) {
      space.unrank(r, occ);
      assertEquals(r, space.rank(occ));
      assertTrue(seen.add(Arrays.toString(occ)));
      int[] total = new int[expectedTotal.length];
      for (byte b : occ) {
        total[b]++;
      }
      assertArrayEquals(expectedTotal, total);
      assertEquals(r, cursor.rank());
      assertArrayEquals(occ, cursor.occupation(), "cursor at " + r);
      byte[] before = cursor.occupation().clone();
      int k = cursor.next();
      if (r == space.size() - 1) {
        assertEquals(-1, k);
      } else {
        int differing = 0;
        for (int a = 0; a < occ.length; a++) {
          differing += before[a] != cursor.occupation()[a] ? 1 : 0;
        }
        assertEquals(differing, k);
        if (space.isSingleDigit()) {
          assertEquals(2, k);
        }
      }
    }
  }

  @Test
  void binarySpinelPrimitive() {
    Supercell cell = Systems.spinel("primitive", "1x1x1");
    ArrangementSpace s = space(cell, "Co=3,Mn=3");
    assertEquals(20, s.size());
    assertTrue(s.isSingleDigit());
    checkBijection(s, new int[] {3, 3, 0});
    assertEquals("Co3Mn3", s.label());
    assertEquals(6, space(cell, "Co=1").size());
  }

  @Test
  void perSublatticeAndTernarySpaces() {
    Supercell cell = Systems.spinel("primitive", "1x1x1");
    ArrangementSpace s = space(cell, "8a:Co=1,16d:Co=2");
    assertEquals(2 * 6, s.size());
    checkBijection(s, new int[] {3, 3, 0});
    assertEquals("8a-Co1Mn1_16d-Co2Mn2", s.label());
    Supercell ternary = Systems.square(3, "A, B, C");
    ArrangementSpace t = space(ternary, "A=3,B=4");
    assertEquals(9 * 8 * 7 / 6 * 15, t.size());
    checkBijection(t, new int[] {3, 4, 2});
  }

  @Test
  void badCompositionsAreBadInput() {
    Supercell cell = Systems.spinel("primitive", "1x1x1");
    for (String bad : new String[] {"8a:Co=3", "8a:Co=1,Mn=3", "32e:O=8", "8a:Fe=1",
        "8a:Co=x", "8a:Co=-1", "8a:Co=1,8a:Co=1", "8a:Co=1,8a:Mn=0", "Co"}) {
      assertThrows(InvalidInputException.class, () -> SublatticeComposition.parse(bad, cell),
          bad);
    }
    Supercell mixed = Systems.fromYaml("name: m\nparent: {prototype: spinel, cell: primitive, "
        + "a: 8.0835, u: 0.264}\nsites: {8a: [Co, Mn], 16d: [Mn, Fe], 32e: [O]}\n"
        + "supercell: 1x1x1\n");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> space(mixed, "Co=1,Mn=2,Fe=3"));
    assertTrue(e.getMessage().contains("per sublattice"), e.getMessage());
    assertEquals(2 * 4, space(mixed, "8a:Co=1,16d:Fe=3").size());
  }
}
