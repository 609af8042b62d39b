package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpinelSymmetryTest {
  static final Path REFERENCE = Path.of("../../shared/data/spinel/Co3O4_conventional_56.vasp");

  static ParentLattice spinel(boolean primitive) {
    Prototype.LabelledCell cell = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264),
        primitive);
    return ParentLattice.of(cell.structure(), cell.labels(), Map.of("8a", List.of("Co", "Mn"),
        "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
  }

  @Test
  void conventionalCellHas192OperationsAnd48Rotations() {
    ParentLattice p = spinel(false);
    assertEquals(56, p.size());
    assertEquals(24, p.activeSiteCount());
    assertEquals(192, p.spaceGroup().size());
    assertEquals(48, p.spaceGroup().pointGroupOrder());
    assertEquals(3, p.sublattices().size());
    assertEquals("8a", p.sublattices().get(0).label());
    assertEquals(8, p.sublattices().get(0).sites().length);
    assertEquals(16, p.sublattices().get(1).sites().length);
    assertEquals(32, p.sublattices().get(2).sites().length);
    // oxygen maps onto oxygen under every operation
    for (int k = 0; k < p.spaceGroup().size(); k++) {
      for (int s = 24; s < 56; s++) {
        assertTrue(p.spaceGroup().image(k, s) >= 24);
      }
    }
  }

  @Test
  void primitiveCellHas48Operations() {
    ParentLattice p = spinel(true);
    assertEquals(14, p.size());
    assertEquals(48, p.spaceGroup().size());
    assertEquals(48, p.spaceGroup().pointGroupOrder());
  }

  @Test
  void supercellPermutationsFormAGroup() {
    Supercell cell = Supercell.diagonal(spinel(false), 1, 1, 1);
    int[][] perms = cell.permutations();
    assertEquals(192, perms.length);
    Set<IntBuffer> set = new HashSet<>();
    for (int[] p : perms) {
      set.add(IntBuffer.wrap(p));
    }
    assertEquals(192, set.size());
    for (int k = 0; k < 24; k++) {
      assertEquals(k, perms[0][k]);
    }
    for (int[] a : perms) {
      for (int[] b : perms) {
        int[] c = new int[a.length];
        for (int i = 0; i < c.length; i++) {
          c[i] = a[b[i]];
        }
        assertTrue(set.contains(IntBuffer.wrap(c)));
      }
    }
  }

  @Test
  void primitiveSupercellOfConventionalShapeHasTheSameGroup() {
    int[][] m = {{-1, 1, 1}, {1, -1, 1}, {1, 1, -1}};
    Supercell cell = Supercell.of(spinel(true), m);
    assertEquals(56, cell.size());
    assertEquals(192, cell.symmetryCount());
  }

  @Test
  void countsOfTheConventionalCell() {
    List<CompositionCount> counts =
        ConfigurationCounter.of(Supercell.diagonal(spinel(false), 1, 1, 1)).count();
    assertEquals(25, counts.size());
    BigInteger total = BigInteger.ZERO;
    for (CompositionCount c : counts) {
      total = total.add(c.distinct());
    }
    assertEquals(BigInteger.valueOf(2704156), counts.get(12).arrangements());
    assertEquals(BigInteger.valueOf(14876), counts.get(12).distinct());
    assertEquals(BigInteger.valueOf(93780), total);
    long[] expected = {1, 2, 7, 25, 97, 297, 853, 2045, 4222, 7307, 10880, 13716, 14876};
    for (int k = 0; k <= 24; k++) {
      assertEquals(BigInteger.valueOf(expected[Math.min(k, 24 - k)]), counts.get(k).distinct());
      assertEquals(k, counts.get(k).counts()[0]);
    }
  }

  @Test
  void primitiveCellHas15DistinctArrangements() {
    List<CompositionCount> counts =
        ConfigurationCounter.of(Supercell.diagonal(spinel(true), 1, 1, 1)).count();
    assertEquals(15, counts.stream().mapToInt(c -> c.distinct().intValue()).sum());
  }

  @Test
  void prototypeMatchesIndependentReference() {
    assumeTrue(Files.exists(REFERENCE), "shared reference data absent");
    Structure ref = Poscar.read(REFERENCE);
    Structure built = spinel(false).structure();
    assertEquals(ref.size(), built.size());
    for (int i = 0; i < ref.size(); i++) {
      assertTrue(ref.lattice().periodicDistance(ref.fractional(i), built.fractional(i)) < 1e-4,
          "site " + i);
    }
  }
}
