package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Text;

class MtpPotentialTest {
  @Test
  void readsTrainedPotentialAndWritesTheSameText() {
    Path p = MtpFixtures.file("A_LiTiO_level10/pot.mtp");
    MtpPotential mtp = MtpPotential.read(p);
    assertEquals(3, mtp.speciesCount());
    assertEquals(10, mtp.level());
    assertEquals(16, mtp.alphaScalarMoments());
    assertEquals(41, mtp.alphaMomentsCount());
    assertEquals(5.408789293239543e-02, mtp.scaling(), 0);
    assertEquals(1.5, mtp.minDist(), 0);
    assertEquals(5.0, mtp.maxDist(), 0);
    assertEquals(MtpPotential.RadialBasis.CHEBYSHEV, mtp.radialBasis());
    assertTrue(mtp.isTrained());
    // pair 0-1, second radial function, first coefficient (central 0, neighbour 1)
    assertEquals(-3.679111360873869e-02, mtp.radialCoeffs()[(1 * 3 + 1) * 8], 0);
    assertEquals(-1.720450743512590e+01, mtp.speciesCoeffs()[0], 0);
    assertEquals(Text.read(p), mtp.format());
  }

  @Test
  void everyFixtureRoundTrips(@TempDir Path dir) {
    for (String f : new String[] {"A_LiTiO_level10/untrained_init.mtp",
        "B_PdAg_level20_repuls/pot.mtp", "C_2species/pot.mtp", "D_1species_scaling/pot.mtp"}) {
      MtpPotential mtp = MtpPotential.read(MtpFixtures.file(f));
      Path copy = dir.resolve("copy.mtp");
      mtp.write(copy);
      MtpPotential back = MtpPotential.read(copy);
      assertEquals(mtp, back, f);
      assertEquals(mtp.format(), back.format(), f);
    }
    MtpPotential pdag = MtpPotential.read(MtpFixtures.file("B_PdAg_level20_repuls/pot.mtp"));
    assertEquals(20, pdag.level());
    assertEquals(MtpPotential.RadialBasis.CHEBYSHEV_REPULSIVE, pdag.radialBasis());
  }

  @Test
  void untrainedTemplateWithCrlfLineEndings() {
    String text = Text.read(MtpFixtures.file("A_LiTiO_level10/untrained_init.mtp"))
        .replace("\n", "\r\n");
    MtpPotential t = MtpPotential.parse(text, "init.mtp");
    assertFalse(t.isTrained());
    assertEquals(10, t.level());
    assertEquals(1.5, t.minDist(), 0);
    assertThrows(InvalidInputException.class, t::speciesCoeffs);
    assertEquals(t, MtpPotential.parse(t.format(), "again"));
  }

  @Test
  void scalingInTheRadialBlockMultipliesTheTopLevelOne() {
    String text = Text.read(MtpFixtures.file("D_1species_scaling/pot.mtp"))
        .replace("\tmin_dist", "\tscaling = 2.500000000000000e-01\n\tmin_dist");
    MtpPotential mtp = MtpPotential.parse(text, "s.mtp");
    assertEquals(3.130086396550662e-02 * 0.25, mtp.scaling(), 0);
    assertEquals(0.25, mtp.radialScaling(), 0);
    assertEquals(text, mtp.format());
  }

  @Test
  void lowerLevelTemplatesAreNested() {
    MtpPotential pdag = MtpPotential.read(MtpFixtures.file("B_PdAg_level20_repuls/pot.mtp"));
    MtpPotential init = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/untrained_init.mtp"));
    MtpPotential ten = pdag.templateOfLevel(10);
    assertEquals(10, ten.level());
    assertEquals(init.alphaScalarMoments(), ten.alphaScalarMoments());
    assertEquals(init.alphaMomentsCount(), ten.alphaMomentsCount());
    assertEquals(init.radialFuncsCount(), ten.radialFuncsCount());
    MtpPotential sixteen = pdag.templateOfLevel(16);
    assertEquals(16, sixteen.level());
    assertTrue(sixteen.alphaScalarMoments() < pdag.alphaScalarMoments());
  }

  @Test
  void malformedFilesNameTheLine() {
    String good = Text.read(MtpFixtures.file("C_2species/pot.mtp"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> MtpPotential.parse(good.replace("min_dist = 1.95", "min_dist = abc"), "x.mtp"));
    assertTrue(e.getMessage().startsWith("x.mtp line 7:"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> MtpPotential.parse(good.replace("RBChebyshev", "RBShapeev"), "x.mtp"));
    assertTrue(e.getMessage().contains("RBShapeev"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> MtpPotential.parse(good.replace("\t\t1-0\n", "\t\t0-0\n"), "x.mtp"));
    assertTrue(e.getMessage().contains("repeated"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> MtpPotential.parse(good.substring(0, good.indexOf("alpha_index_times =")),
            "cut.mtp"));
    assertTrue(e.getMessage().contains("alpha_index_times"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> MtpPotential.parse("MTP\nversion = 2.0\n", "v.mtp"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void numbersAreWrittenSoThatTheyReadBack() {
    for (double x : new double[] {0.1, 1.0 / 3, Math.PI * 1e-7, -2.5e300, 6.02214076e23}) {
      assertEquals(x, Double.parseDouble(MtpPotential.num(x)), 0);
    }
    assertTrue(Files.exists(MtpFixtures.file("C_2species/pot.mtp")));
  }
}
