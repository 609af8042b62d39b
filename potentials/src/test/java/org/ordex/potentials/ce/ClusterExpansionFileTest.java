package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.SpaceGroup;
import org.ordex.lattice.Supercell;

class ClusterExpansionFileTest {
  @TempDir
  Path dir;

  @Test
  void roundTripKeepsEnergiesAndMetadata() throws Exception {
    ParentLattice spinel = TestLattices.spinel();
    ClusterSpace space = ClusterSpace.of(spinel, 6.0, 4.0);
    Random random = new Random(3);
    ClusterExpansion ce = ClusterExpansion.of(space, TestLattices.randomEcis(space, random),
        Map.of("method", "test", "rmse", 0.01, "folds", List.of(1, 2)));
    Path file = dir.resolve("ce.json");
    ce.write(file);
    ClusterExpansion back = ClusterExpansion.read(file);
    assertArrayEquals(ce.ecis(), back.ecis(), 0);
    assertEquals(ce.metadata(), back.metadata());
    assertEquals(space.size(), back.space().size());
    // bound to the system's own parent lattice object (not the one read from the file)
    Supercell cell = Supercell.diagonal(spinel, 1, 1, 1);
    byte[] occ = TestLattices.randomOccupation(cell, random);
    assertEquals(ce.bind(cell).energy(occ), back.bind(cell).energy(occ), 1e-12);
    String text = Files.readString(file);
    assertTrue(text.contains("\"format\" : \"ordex-cluster-expansion\""), text);
  }

  @Test
  void speciesListedInAnotherOrderMapByName() {
    Prototype.LabelledCell c = Prototype.FCC.build(Map.of("a", 4.0), true);
    ParentLattice cuAu = ParentLattice.of(c.structure(), c.labels(),
        Map.of("4a", List.of("Cu", "Au")), SpaceGroup.DEFAULT_TOLERANCE);
    ParentLattice auCu = ParentLattice.of(c.structure(), c.labels(),
        Map.of("4a", List.of("Au", "Cu")), SpaceGroup.DEFAULT_TOLERANCE);
    ClusterSpace space = ClusterSpace.of(cuAu, 5.0, 3.0);
    ClusterExpansion ce = ClusterExpansion.of(space, TestLattices.randomEcis(space,
        new Random(4)));
    byte[] occ = {0, 0, 1, 0, 1, 1, 1, 0};
    byte[] swapped = new byte[occ.length];
    for (int i = 0; i < occ.length; i++) {
      swapped[i] = (byte) (1 - occ[i]);
    }
    double e1 = ce.bind(Supercell.diagonal(cuAu, 2, 2, 2)).energy(occ);
    double e2 = ce.bind(Supercell.diagonal(auCu, 2, 2, 2)).energy(swapped);
    assertEquals(e1, e2, 1e-12);
  }

  @Test
  void incompatibleSystemsAreBadInput() {
    ClusterSpace space = ClusterSpace.of(TestLattices.fcc(true, "Cu", "Au"), 3.0);
    ClusterExpansion ce = ClusterExpansion.of(space, new double[space.size()]);
    ParentLattice other = TestLattices.fcc(true, "Cu", "Ni");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ce.bind(Supercell.diagonal(other, 2, 2, 2)));
    assertTrue(e.getMessage().contains(
        "the model's species [Au, Cu] are not the system's [Cu, Ni]"), e.getMessage());
    ParentLattice conventional = TestLattices.fcc(false, "Cu", "Au");
    e = assertThrows(InvalidInputException.class,
        () -> ce.bind(Supercell.diagonal(conventional, 1, 1, 1)));
    assertTrue(e.getMessage().contains("1 site, the system's has 4"), e.getMessage());
  }

  @Test
  void malformedFilesAreBadInput() throws Exception {
    ClusterSpace space = ClusterSpace.of(TestLattices.fcc(true, "Cu", "Au"), 5.0, 3.0);
    Path good = dir.resolve("good.json");
    ClusterExpansion.of(space, new double[space.size()]).write(good);
    String text = Files.readString(good);
    assertBad("{", "not valid JSON");
    assertBad("{\"a\": 1}", "not an ordex cluster expansion");
    assertBad(text.replace("\"version\" : 1", "\"version\" : 7"), "version 7 is not supported");
    assertBad(text.replace("\"cutoffs\" : [ 5.0, 3.0 ]", "\"cutoffs\" : [ 5.0, -3.0 ]"),
        "cutoffs: cutoff -3.0 for triplets");
    assertBad(text.replace("\"cutoffs\" : [ 5.0, 3.0 ]", "\"cutoffs\" : [ 5.0 ]"),
        "6 entries, but the parent and cutoffs give 5");
    assertBad(text.replaceFirst("\"eci\" : 0.0", "\"eci\" : \"x\""),
        "functions[0].eci: expected a number");
    assertBad(text.replace("\"decoration\" : [ 1, 1 ]", "\"decoration\" : [ 1, 2 ]"),
        "does not match the cluster space");
    assertBad(text.replace("\"allowed\" : [ \"Cu\", \"Au\" ]", "\"allowed\" : [ ]"),
        "parent.sites[0].allowed: expected a list");
  }

  private void assertBad(String content, String message) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, content);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ClusterExpansion.read(f));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }
}
