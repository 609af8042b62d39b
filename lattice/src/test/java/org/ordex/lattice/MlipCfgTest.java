package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlipCfgTest {
  private static final Path DATA = Path.of("../../shared/data/mtp/A_LiTiO_level10");

  private static List<MlipCfg> fixture(String file) {
    Path p = DATA.resolve(file);
    Assumptions.assumeTrue(Files.exists(p), "shared MTP data absent");
    return MlipCfg.read(p);
  }

  @Test
  void readsMlipOutputWithForcesStressAndFeatures() {
    List<MlipCfg> out = fixture("out_synthetic.cfg");
    assertEquals(10, out.size());
    MlipCfg ideal = out.get(0);
    assertEquals(56, ideal.size());
    assertTrue(ideal.periodic(0) && ideal.periodic(1) && ideal.periodic(2));
    assertEquals(-4.6598916576623100e+02, ideal.energy(), 0);
    assertEquals(-9.3757170891874125e+01, ideal.plusStress()[0], 0);
    assertEquals(1.1102230246251565e-16, ideal.plusStress()[5], 0);
    assertEquals(-1.9343952466801035e+00, ideal.forces()[24][0], 0);
    assertEquals(1, ideal.type(24));
    assertEquals("spinel56_ideal", ideal.features().get("name"));
    MlipCfg cluster = out.get(6);
    assertFalse(cluster.periodic(0) || cluster.periodic(1) || cluster.periodic(2));
    assertEquals(0, cluster.supercell().length);
    MlipCfg slab = out.get(7);
    assertEquals(2, slab.supercell().length);
    assertTrue(slab.periodic(1) && !slab.periodic(2));
  }

  @Test
  void directCoordinatesBecomeCartesianAsMlipComputesThem() {
    MlipCfg direct = fixture("in_synthetic.cfg").get(5);
    MlipCfg mlip = fixture("out_synthetic.cfg").get(5);
    for (int i = 0; i < direct.size(); i++) {
      assertArrayEquals(mlip.cartesian(i), direct.cartesian(i), 1e-15);
    }
  }

  @Test
  void formatIsLosslessAndReadable(@TempDir Path dir) {
    List<MlipCfg> out = fixture("out_synthetic.cfg");
    Path file = dir.resolve("copy.cfg");
    MlipCfg.write(file, out);
    assertEquals(out, MlipCfg.read(file));
    assertEquals(Text.read(DATA.resolve("out_synthetic.cfg")), Text.read(file));
  }

  @Test
  void scientificFormatRoundsLikeC() {
    assertEquals("-8.405926949731669e-03", Text.scientific(-8.405926949731669e-03, 15));
    assertEquals("1.0000000000000001e-01", Text.scientific(0.1, 16));
    assertEquals("0.0000000000000000e+00", Text.scientific(0, 16));
    assertEquals("-0.000e+00", Text.scientific(-0.0, 3));
    assertEquals("9.999999999999999e+299", Text.scientific(9.999999999999999e299, 15));
    assertEquals("1.00e+10", Text.scientific(9.999e9, 2));
  }

  @Test
  void multiLineFeaturesAndSiteEnergiesRoundTrip() {
    String text = """
        BEGIN_CFG
         Size
            2
         Supercell
            3.0 0 0
            0 3.0 0
            0 0 3.0
         AtomData:  id type       cartes_x      cartes_y      cartes_z    site_en           fx          fy          fz
            1 1  0 0 0  -1.5  0.1 0.2 0.3
            2 0  1.5 1.5 1.5  -2.5  -0.1 -0.2 -0.3
         Energy
            -4.0
         PlusStress:  xy          yy          zz          yz          xz          xx
             6 2 3 4 5 1
         Feature   note\tfirst line
         Feature   note\tsecond line
         Feature   EFS_by\tVASP
        END_CFG
        """;
    MlipCfg c = MlipCfg.parse(text, "t.cfg").get(0);
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, c.plusStress(), 0);
    assertArrayEquals(new double[] {-1.5, -2.5}, c.siteEnergies(), 0);
    assertEquals("first line\nsecond line", c.features().get("note"));
    assertEquals(c, MlipCfg.parse(c.format(), "again").get(0));
  }

  @Test
  void framesCarryElementsThroughAnExplicitMapping() {
    List<MlipCfg> out = fixture("out_synthetic.cfg");
    MlipTypes map = MlipTypes.parse("Li,O,Ti");
    for (MlipCfg c : out) {
      Frame f = c.toFrame(map);
      assertEquals(c.energy(), f.energy(), 0);
      MlipCfg back = MlipCfg.of(f, map);
      assertArrayEquals(c.types(), back.types());
      assertEquals(c.supercell().length, back.supercell().length);
      for (int i = 0; i < c.size(); i++) {
        assertArrayEquals(c.cartesian(i), back.cartesian(i), 1e-12);
      }
      assertArrayEquals(c.plusStress(), back.plusStress(), 0);
      assertEquals(c.features(), back.features());
    }
    assertEquals("Li", out.get(0).toFrame(map).structure().species(0));
    assertEquals("O", out.get(0).toFrame(map).structure().species(24));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> out.get(0).toFrame(MlipTypes.parse("Li,O")));
    assertTrue(e.getMessage().contains("atom type 2"), e.getMessage());
    Frame frame = out.get(0).toFrame(map);
    e = assertThrows(InvalidInputException.class,
        () -> MlipCfg.of(frame, MlipTypes.parse("Co,Mn,O")));
    assertTrue(e.getMessage().contains("Li"), e.getMessage());
  }

  @Test
  void typesMappingIsChecked() {
    assertThrows(InvalidInputException.class, () -> MlipTypes.parse("Co,Co"));
    assertThrows(InvalidInputException.class, () -> MlipTypes.parse("Co,,O"));
    MlipTypes m = MlipTypes.parse("Co, Mn ,O");
    assertEquals(List.of("Co", "Mn", "O"), m.elements());
    assertEquals(1, m.type("Mn"));
    assertThrows(InvalidInputException.class, () -> m.requireCount(2, "pot.mtp"));
  }

  @Test
  void malformedInputNamesTheLine() {
    String bad = "BEGIN_CFG\n Size\n 2\n AtomData: id type cartes_x cartes_y cartes_z\n"
        + " 1 0 0 0 0\n 2 0 1 1 x\nEND_CFG\n";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> MlipCfg.parse(bad, "bad.cfg"));
    assertTrue(e.getMessage().startsWith("bad.cfg line 6:"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> MlipCfg.parse("BEGIN_CFG\n Size\n 1\n Energy\n 1\n", "cut.cfg"));
    assertTrue(e.getMessage().contains("END_CFG"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> MlipCfg.parse("BEGIN_CFG\n Size\n 1\n Bogus\nEND_CFG\n", "u.cfg"));
    assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("Bogus"));
    e = assertThrows(InvalidInputException.class, () -> MlipCfg.parse(
        "BEGIN_CFG\n Size\n 1\n AtomData: id type direct_x direct_y direct_z\n 1 0 0 0 0\n"
            + "END_CFG\n", "d.cfg"));
    assertTrue(e.getMessage().contains("three non-zero supercell rows"), e.getMessage());
    assertNull(MlipCfg.of(new double[0][], new int[] {0}, new double[][] {{0, 0, 0}})
        .forces());
    assertEquals(Map.of(), MlipCfg.of(new double[0][], new int[0], new double[0][])
        .features());
  }
}
