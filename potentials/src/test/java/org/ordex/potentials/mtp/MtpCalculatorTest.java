package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;

class MtpCalculatorTest {
  /** Largest deviation relative to the largest magnitude of each quantity. */
  static double[] parity(MtpCalculator calc, List<MlipCfg> in, List<MlipCfg> ref) {
    double worstE = 0;
    double worstF = 0;
    double worstS = 0;
    for (int c = 0; c < in.size(); c++) {
      MtpCalculator.Result r = calc.compute(in.get(c));
      MlipCfg m = ref.get(c);
      worstE = Math.max(worstE, Math.abs(r.energy() - m.energy()) / Math.abs(m.energy()));
      double fScale = 0;
      double fErr = 0;
      double[][] f = m.forces();
      for (int i = 0; i < f.length; i++) {
        for (int a = 0; a < 3; a++) {
          fScale = Math.max(fScale, Math.abs(f[i][a]));
          fErr = Math.max(fErr, Math.abs(f[i][a] - r.forces()[i][a]));
        }
      }
      worstF = Math.max(worstF, fScale == 0 ? fErr : fErr / fScale);
      double sScale = 0;
      double sErr = 0;
      for (int k = 0; k < 6; k++) {
        sScale = Math.max(sScale, Math.abs(m.plusStress()[k]));
        sErr = Math.max(sErr, Math.abs(m.plusStress()[k] - r.plusStress()[k]));
      }
      worstS = Math.max(worstS, sScale == 0 ? sErr : sErr / sScale);
      double sum = 0;
      for (double e : r.siteEnergies()) {
        sum += e;
      }
      assertEquals(r.energy(), sum, 1e-12 * Math.abs(sum));
    }
    return new double[] {worstE, worstF, worstS};
  }

  @Test
  void matchesMlipCalcEfsOnTheSyntheticSpinelCases() {
    MtpCalculator calc = new MtpCalculator(
        MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp")));
    List<MlipCfg> in = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/in_synthetic.cfg"));
    List<MlipCfg> ref = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/out_synthetic.cfg"));
    double[] worst = parity(calc, in, ref);
    assertTrue(worst[0] < 1e-12 && worst[1] < 1e-10 && worst[2] < 1e-11,
        java.util.Arrays.toString(worst));
  }

  @Test
  void matchesMlipWithTopLevelScaling() {
    MtpCalculator calc = new MtpCalculator(
        MtpPotential.read(MtpFixtures.file("D_1species_scaling/pot.mtp")));
    List<MlipCfg> in = MlipCfg.read(MtpFixtures.file("D_1species_scaling/in.cfg"));
    List<MlipCfg> ref = MlipCfg.read(MtpFixtures.file("D_1species_scaling/out.cfg"));
    double[] worst = parity(calc, in, ref);
    assertTrue(worst[0] < 1e-12 && worst[1] < 1e-10 && worst[2] < 1e-11,
        java.util.Arrays.toString(worst));
  }

  @Test
  void perAtomEnergiesMatchTheDerivedReference() {
    MtpCalculator calc = new MtpCalculator(
        MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp")));
    MlipCfg ideal = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/in_synthetic.cfg")).get(0);
    double[] site = calc.compute(ideal).siteEnergies();
    assertEquals(-1.8020753942979958e+01, site[0], 1e-12);
    assertEquals(-8.7757196139959657e+00, site[8], 1e-12);
    assertEquals(-5.6691131374517294e+00, site[24], 1e-12);
  }

  @Test
  void typesBeyondThePotentialAreRejected() {
    MtpCalculator calc = new MtpCalculator(
        MtpPotential.read(MtpFixtures.file("C_2species/pot.mtp")));
    MlipCfg three = MlipCfg.of(new double[0][], new int[] {0, 2},
        new double[][] {{0, 0, 0}, {0, 0, 2}});
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> calc.compute(three));
    assertTrue(e.getMessage().contains("type 2"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> new MtpCalculator(MtpPotential.read(
        MtpFixtures.file("A_LiTiO_level10/untrained_init.mtp"))));
  }
}
