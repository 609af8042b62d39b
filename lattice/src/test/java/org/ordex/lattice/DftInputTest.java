package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** K-point meshes, VASP INCAR/KPOINTS and pw.x input for the spinel primitive cell. */
class DftInputTest {
  static ParentLattice spinelPrimitive() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), true);
    return ParentLattice.of(c.structure(), c.labels(), Map.of("8a", List.of("Co", "Mn"),
        "16d", List.of("Co", "Mn"), "32e", List.of("O")), 0.01);
  }

  /** CoMn2O4 (Co on the tetrahedral sites) in the 14-atom cell. */
  static Structure coMn2O4() {
    ParentLattice p = spinelPrimitive();
    String[] names = new String[p.size()];
    for (int i = 0; i < names.length; i++) {
      String label = p.sublatticeOf(i).label();
      names[i] = label.equals("8a") ? "Co" : label.equals("16d") ? "Mn" : "O";
    }
    return p.structure().withSpecies(names);
  }

  @Test
  void meshOfTheCellAndOfItsDoubledSupercellSampleTheSamePoints() {
    Lattice cell = spinelPrimitive().structure().lattice();
    assertArrayEquals(new int[] {2, 2, 2}, KpointMesh.fromDensity(cell, 1.4).sizes());
    Lattice doubled = cell.supercell(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 2}});
    assertArrayEquals(new int[] {2, 2, 1}, KpointMesh.fromDensity(doubled, 1.4).sizes());
    // 2π|b| = 1.3466 Å⁻¹ for a = 8.0835: density 1.5 asks for 2.02 → 3 points
    assertArrayEquals(new int[] {3, 3, 3}, KpointMesh.fromDensity(cell, 1.5).sizes());
    assertEquals("2x2x1", KpointMesh.fromDensity(doubled, 1.4).toString());
  }

  @Test
  void incarHasMagmomInPoscarOrderAndLdauPerSpecies() {
    Structure s = coMn2O4();
    double[] m = new double[s.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = s.species(i).equals("Co") ? -3 : s.species(i).equals("Mn") ? 4 : 0;
    }
    String incar = VaspInput.incar(s, m, Map.of("Co", 3.32, "Mn", 3.9),
        Map.of("encut", "600"));
    List<String> order = s.speciesOrder();
    String expectMagmom = "";
    String expectL = "";
    String expectU = "";
    for (String sp : order) {
      int n = s.speciesCounts().get(sp);
      String v = sp.equals("Co") ? "-3" : sp.equals("Mn") ? "4" : "0";
      expectMagmom += (expectMagmom.isEmpty() ? "" : " ") + n + "*" + v;
      expectL += (expectL.isEmpty() ? "" : " ") + (sp.equals("O") ? "-1" : "2");
      expectU += (expectU.isEmpty() ? "" : " ")
          + (sp.equals("Co") ? "3.32" : sp.equals("Mn") ? "3.9" : "0");
    }
    assertTrue(incar.contains("MAGMOM = " + expectMagmom + "\n"), incar);
    assertTrue(incar.contains("LDAUL = " + expectL + "\n"), incar);
    assertTrue(incar.contains("LDAUU = " + expectU + "\n"), incar);
    assertTrue(incar.contains("ENCUT = 600\n") && !incar.contains("ENCUT = 520"), incar);
    assertTrue(incar.contains("ISPIN = 2\n"));
    // the POSCAR groups species in the same order as MAGMOM
    String poscar = Poscar.format(s, "x");
    assertTrue(poscar.contains("  " + String.join("  ", order) + "\n"), poscar);
  }

  @Test
  void magmomRunsAreCompressedInSpeciesGroupedOrder() {
    Structure s = Structure.of(Lattice.orthorhombic(3, 3, 3), new double[][] {{0, 0, 0},
        {0.5, 0, 0}, {0, 0.5, 0}, {0, 0, 0.5}}, new String[] {"Co", "O", "Co", "Mn"});
    assertEquals("2*1 0 2.5", VaspInput.magmomTag(s, new double[] {1, 0, 1, 2.5}));
    assertEquals("k-point mesh 2x2x1, shifted by half a step (ordex)\n0\nGamma\n2 2 1\n"
        + "0.5 0.5 0.5\n", VaspInput.kpoints(new KpointMesh(2, 2, 1)));
  }

  @Test
  void pwInputSplitsTypesByMomentAndConvertsToFractions() {
    Structure s = coMn2O4();
    double[] m = new double[s.size()];
    int firstMn = -1;
    for (int i = 0; i < m.length; i++) {
      if (s.species(i).equals("Mn")) {
        m[i] = firstMn < 0 ? 4 : -4; // two Mn types
        firstMn = firstMn < 0 ? i : firstMn;
      } else if (s.species(i).equals("Co")) {
        m[i] = -3;
      }
    }
    PwInput.Settings settings = new PwInput.Settings("t", Map.of("Co", "Co.UPF", "Mn", "Mn.UPF",
        "O", "O.UPF"), Map.of("Co", 17.0, "Mn", 15.0), Map.of("Mn", 3.9),
        new KpointMesh(2, 2, 2), Map.of("system", Map.of("ecutwfc", "50")));
    String in = PwInput.format(s, m, settings);
    assertTrue(in.contains("ntyp = 4\n"), in);
    assertTrue(in.contains("nat = 14\n"), in);
    assertTrue(in.contains("ecutwfc = 50\n"), in);
    assertTrue(in.contains("Mn1 ") && in.contains("Mn2 "), in);
    assertTrue(in.contains("= " + (-3 / 17.0) + "\n"), in);
    assertTrue(in.contains("= " + (4 / 15.0) + "\n"), in);
    assertTrue(in.contains("lda_plus_u = .true.\n"), in);
    assertTrue(in.contains("K_POINTS automatic\n  2 2 2 1 1 1\n"), in);
    assertEquals(2, in.split("Hubbard_U\\(").length - 1, "U on both Mn types only");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PwInput.format(s, m, new PwInput.Settings("t", Map.of("Co", "Co.UPF"),
            Map.of("Co", 17.0, "Mn", 15.0), Map.of(), new KpointMesh(1, 1, 1), Map.of())));
    assertTrue(e.getMessage().contains("qe.pseudopotentials.Mn"), e.getMessage());
  }

  @Test
  void siteAssignmentFindsTheSupercellOfAScaledStructure() {
    ParentLattice p = spinelPrimitive();
    Supercell doubled = Supercell.diagonal(p, 1, 1, 2);
    byte[] occ = new byte[doubled.activeSiteCount()];
    occ[0] = 1;
    Structure ideal = Configuration.of(doubled, occ).toStructure();
    double[][] m = ideal.lattice().matrix();
    for (double[] row : m) {
      for (int k = 0; k < 3; k++) {
        row[k] *= 1.059;
      }
    }
    double[][] f = new double[ideal.size()][];
    for (int i = 0; i < f.length; i++) {
      f[i] = ideal.fractional(i);
    }
    Structure scaled = Structure.of(Lattice.of(m), f, ideal.species());
    SiteAssignment a = SiteAssignment.of(p, scaled, 0.1);
    assertEquals(28, a.supercell().size());
    assertEquals(2, a.supercell().volumeFactor());
    for (int i = 0; i < scaled.size(); i++) {
      assertEquals(ideal.species(i).equals("O") ? "32e" : a.sublattice(i),
          p.sublatticeOf(doubled.parentSite(i)).label());
      assertEquals(i, a.site(i));
    }
    Structure skewed = Structure.of(Lattice.of(new double[][] {{5, 0, 0}, {0, 5, 0},
        {0, 0, 5}}), f, ideal.species());
    assertThrows(InvalidInputException.class, () -> SiteAssignment.of(p, skewed, 0.1));
  }

  @Test
  void elementMasses() {
    assertEquals(58.933, Elements.mass("Co"), 1e-9);
    assertTrue(Elements.isElement("Mn") && !Elements.isElement("Xx"));
    assertThrows(InvalidInputException.class, () -> Elements.mass("Q"));
  }
}
