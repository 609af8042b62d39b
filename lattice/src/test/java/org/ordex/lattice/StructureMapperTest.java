package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StructureMapperTest {
  static ParentLattice spinel() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("8a", List.of("Co", "Mn"),
        "16d", List.of("Co", "Mn"), "32e", List.of("O")), SpaceGroup.DEFAULT_TOLERANCE);
  }

  static Configuration random(Supercell cell, Random random) {
    byte[] occ = new byte[cell.activeSiteCount()];
    for (int a = 0; a < occ.length; a++) {
      occ[a] = (byte) random.nextInt(2);
    }
    return Configuration.of(cell, occ);
  }

  /** The structure strained by (1 + e) · F, every atom moved by up to {@code rattle} Å, shuffled. */
  static Structure relax(Structure s, double[][] deformation, double rattle, Random random) {
    double[][] cell = s.lattice().matrix();
    double[][] strained = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          strained[i][j] += cell[i][k] * deformation[k][j];
        }
      }
    }
    Lattice l = Lattice.of(strained);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    double[][] cart = new double[s.size()][];
    String[] species = new String[s.size()];
    for (int i = 0; i < s.size(); i++) {
      int j = order.get(i);
      double[] r = l.toCartesian(s.fractional(j));
      for (int k = 0; k < 3; k++) {
        r[k] += rattle * (2 * random.nextDouble() - 1) / Math.sqrt(3);
      }
      cart[i] = r;
      species[i] = s.species(j);
    }
    return Structure.fromCartesian(l, cart, species, new boolean[] {true, true, true});
  }

  static final double[][] STRAIN = {{1.021, 0.004, 0}, {0.004, 1.019, 0.002}, {0, 0.002, 1.02}};

  @Test
  void relaxedShuffledStructureMapsBack() {
    ParentLattice parent = spinel();
    Supercell cell = Supercell.diagonal(parent, 1, 1, 1);
    Random random = new Random(1);
    StructureMapper mapper = StructureMapper.of(parent, Double.NaN);
    for (int trial = 0; trial < 5; trial++) {
      Configuration c = random(cell, random);
      Structure relaxed = relax(c.toStructure(), STRAIN, 0.1, random);
      StructureMapper.Mapping m = mapper.map(relaxed, "relaxed");
      assertArrayEquals(c.occupation(), m.configuration().occupation());
      assertArrayEquals(cell.matrix(), m.supercell().matrix());
      assertTrue(m.maxDisplacement() <= 0.1 + 1e-9 && m.maxDisplacement() > 0.01,
          "" + m.maxDisplacement());
      assertEquals(1.021 * 1.019 * 1.02 - 1, m.volumeStrain(), 1e-3);
      assertEquals(0.004, m.shearStrain(), 1e-3);
      assertArrayEquals(new double[3], m.shift(), 0);
    }
  }

  @Test
  void supercellGivenInAnotherBasisAndShiftedOrigin() {
    ParentLattice parent = spinel();
    int[][] matrix = {{1, 1, 0}, {0, 1, 0}, {0, 0, 2}};
    Supercell cell = Supercell.of(parent, matrix);
    Random random = new Random(2);
    Configuration c = random(cell, random);
    Structure s = c.toStructure();
    double[][] cart = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      cart[i] = s.cartesian(i);
      for (int k = 0; k < 3; k++) {
        cart[i][k] += 8.0835 / 8;
      }
    }
    Structure shifted = Structure.fromCartesian(s.lattice(), cart, s.species(),
        new boolean[] {true, true, true});
    StructureMapper mapper = StructureMapper.of(parent, Double.NaN);
    StructureMapper.Mapping m = mapper.map(shifted, "shifted");
    assertArrayEquals(matrix, m.supercell().matrix());
    assertTrue(m.maxDisplacement() < 1e-9);
    // shifted back by a/8 along each axis, up to a centring translation of Fd-3m
    for (int k = 0; k < 3; k++) {
      double halves = (m.shift()[k] + 8.0835 / 8) / (8.0835 / 2);
      assertEquals(Math.rint(halves), halves, 1e-9);
    }
    // the shifted arrangement is a translate: same counts per sublattice
    assertArrayEquals(c.sublatticeComposition()[0], m.configuration().sublatticeComposition()[0]);
    assertSame(m.supercell(), mapper.map(s, "again").supercell());
    assertArrayEquals(c.occupation(), mapper.map(s, "again").configuration().occupation());
  }

  @Test
  void refusesWhatDoesNotFit() {
    ParentLattice parent = spinel();
    Supercell cell = Supercell.diagonal(parent, 1, 1, 1);
    Configuration c = random(cell, new Random(3));
    Structure s = c.toStructure();
    StructureMapper mapper = StructureMapper.of(parent, Double.NaN);
    String[] species = s.species();
    species[30] = "Ni";
    assertMessage(() -> mapper.map(s.withSpecies(species), "x"), "atom 31 is Ni, which is "
        + "not on the lattice");
    String[] swapped = s.species();
    swapped[0] = "O";
    swapped[40] = "Co";
    assertMessage(() -> mapper.map(s.withSpecies(swapped), "x"), "from the nearest site");
    double[][] f = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      f[i] = s.fractional(i);
    }
    f[3] = f[4].clone();
    assertMessage(() -> mapper.map(Structure.of(s.lattice(), f, s.species()), "x"),
        "both map onto site");
    double[][] g = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      g[i] = s.fractional(i);
    }
    g[5][0] += 0.8 / 8.0835;
    assertMessage(() -> mapper.map(Structure.of(s.lattice(), g, s.species()), "x"),
        "atom 6 (" + s.species(5) + ") is 0.800 Å");
    assertMessage(() -> StructureMapper.of(parent, 3.4).map(Structure.of(s.lattice(), g,
        s.species()), "x"), "ambiguous");
    Structure stretched = Structure.of(Lattice.orthorhombic(8.0835 * 1.5, 8.0835, 8.0835),
        f, s.species());
    assertMessage(() -> mapper.map(stretched, "x"), "not a supercell of the parent");
    Structure fewer = Structure.of(s.lattice(), java.util.Arrays.copyOf(f, 55),
        java.util.Arrays.copyOf(s.species(), 55));
    assertMessage(() -> mapper.map(fewer, "x"), "55 atoms is not a multiple of the 56 sites");
    assertMessage(() -> StructureMapper.of(parent, -1), "positive distance");
  }

  static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
    InvalidInputException x = assertThrows(InvalidInputException.class, e);
    assertTrue(x.getMessage().contains(part), x.getMessage());
  }
}
