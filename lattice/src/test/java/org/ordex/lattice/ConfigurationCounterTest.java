package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Burnside counts against brute-force orbit counting on small cells. */
class ConfigurationCounterTest {

  /** Orbits per composition by canonicalising every colouring under the group. */
  static Map<String, Integer> bruteForce(Supercell cell) {
    int n = cell.activeSiteCount();
    int[][] allowed = new int[n][];
    for (int a = 0; a < n; a++) {
      allowed[a] = cell.parent().allowed(cell.parentSite(cell.activeSite(a)));
    }
    int[][] perms = cell.permutations();
    Map<String, Set<String>> orbits = new HashMap<>();
    int[] digit = new int[n];
    byte[] occ = new byte[n];
    while (true) {
      for (int a = 0; a < n; a++) {
        occ[a] = (byte) allowed[a][digit[a]];
      }
      String canonical = null;
      byte[] img = new byte[n];
      for (int[] p : perms) {
        for (int a = 0; a < n; a++) {
          img[p[a]] = occ[a];
        }
        String k = Arrays.toString(img);
        if (canonical == null || k.compareTo(canonical) < 0) {
          canonical = k;
        }
      }
      int[] counts = new int[cell.parent().species().size()];
      for (byte b : occ) {
        counts[b]++;
      }
      orbits.computeIfAbsent(Arrays.toString(counts), k -> new HashSet<>()).add(canonical);
      int a = 0;
      while (a < n && ++digit[a] == allowed[a].length) {
        digit[a] = 0;
        a++;
      }
      if (a == n) {
        break;
      }
    }
    Map<String, Integer> result = new HashMap<>();
    orbits.forEach((k, v) -> result.put(k, v.size()));
    return result;
  }

  static void assertAgrees(Supercell cell) {
    Map<String, Integer> expected = bruteForce(cell);
    List<CompositionCount> counts = ConfigurationCounter.of(cell).count();
    assertEquals(expected.size(), counts.size());
    for (CompositionCount c : counts) {
      assertEquals(BigInteger.valueOf(expected.get(Arrays.toString(c.counts()))), c.distinct(),
          Arrays.toString(c.counts()));
    }
  }

  static ParentLattice parent(Prototype p, Map<String, Double> params, boolean primitive,
      Map<String, List<String>> sites) {
    Prototype.LabelledCell cell = p.build(params, primitive);
    return ParentLattice.of(cell.structure(), cell.labels(), sites, 0.01);
  }

  @Test
  void fccConventionalNonDiagonalSupercell() {
    ParentLattice fcc = parent(Prototype.FCC, Map.of("a", 4.0), false,
        Map.of("4a", List.of("Cu", "Au")));
    assertAgrees(Supercell.of(fcc, new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 2}}));
  }

  @Test
  void spinelPrimitiveDoubleCell() {
    ParentLattice sp = parent(Prototype.SPINEL, Map.of("a", 8.0, "u", 0.26), true,
        Map.of("8a", List.of("Co", "Mn"), "16d", List.of("Co", "Mn"), "32e", List.of("O")));
    assertAgrees(Supercell.diagonal(sp, 1, 1, 2));
  }

  @Test
  void ternaryOnFccPrimitive() {
    ParentLattice fcc = parent(Prototype.FCC, Map.of("a", 4.0), true,
        Map.of("4a", List.of("Cu", "Au", "Ag")));
    assertAgrees(Supercell.diagonal(fcc, 2, 2, 2));
  }

  @Test
  void squareLattice() {
    ParentLattice sq = parent(Prototype.SQUARE, Map.of("a", 1.0), false,
        Map.of("1a", List.of("A", "B")));
    Supercell cell = Supercell.diagonal(sq, 4, 4, 1);
    assertEquals(128, cell.symmetryCount());
    assertAgrees(cell);
  }

  @Test
  void twoSublatticesWithDifferentAllowedSets() {
    // spinel primitive with 8a: {Co, Mn, Zn} and 16d: {Co, Mn}: compositions mix across both
    ParentLattice sp = parent(Prototype.SPINEL, Map.of("a", 8.0, "u", 0.26), true,
        Map.of("8a", List.of("Zn", "Co"), "16d", List.of("Co", "Mn"), "32e", List.of("O")));
    assertAgrees(Supercell.diagonal(sp, 1, 1, 1));
  }
}
