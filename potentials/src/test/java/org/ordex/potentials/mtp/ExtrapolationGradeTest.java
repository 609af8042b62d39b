package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.MlipCfg;

class ExtrapolationGradeTest {
  @Test
  void energyGradientIsLinearInTheSpeciesAndMomentCoefficientsAndMatchesFiniteDifferences() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    MlipCfg cfg = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/in_synthetic.cfg")).get(4);
    double[] g = new MtpCalculator(p).energyGradient(cfg);
    double[] radial = p.radialCoeffs();
    double[] species = p.speciesCoeffs();
    double[] moments = p.momentCoeffs();
    double e = new MtpCalculator(p).compute(cfg).energy();
    double linear = 0;
    for (int s = 0; s < species.length; s++) {
      linear += g[radial.length + s] * species[s];
    }
    for (int k = 0; k < moments.length; k++) {
      linear += g[radial.length + species.length + k] * moments[k];
    }
    assertEquals(e, linear, 1e-9 * Math.abs(e));
    for (int k = 0; k < radial.length; k += 17) {
      double h = 1e-6;
      double[] up = radial.clone();
      up[k] += h;
      double[] down = radial.clone();
      down[k] -= h;
      double ep = new MtpCalculator(p.withCoefficients(up, species, moments)).compute(cfg)
          .energy();
      double em = new MtpCalculator(p.withCoefficients(down, species, moments)).compute(cfg)
          .energy();
      assertEquals((ep - em) / (2 * h), g[k], 1e-5 * Math.max(1, Math.abs(g[k])),
          "radial coefficient " + k);
    }
  }

  @Test
  void trainingConfigurationsInterpolateAndOthersExtrapolate() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    List<MlipCfg> train = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/grade_train.cfg"))
        .subList(0, 120);
    ExtrapolationGrade grade = ExtrapolationGrade.fromTrainingSet(p, train);
    assertTrue(grade.swaps() > 0);
    assertTrue(grade.activeConfigurations() <= train.size());
    for (int c = 0; c < train.size(); c += 7) {
      assertTrue(grade.grade(train.get(c)) <= ExtrapolationGrade.SELECT + 1e-9,
          "training configuration " + c + ": " + grade.grade(train.get(c)));
    }
    for (int row : grade.activeSet()) {
      if (row >= 0) {
        assertEquals(1.0, grade.grade(train.get(row)), 1e-6);
      }
    }
    List<MlipCfg> in = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/grade_in.cfg"));
    double worst = 0;
    for (MlipCfg c : in) {
      worst = Math.max(worst, grade.grade(c));
    }
    assertTrue(worst > 2, "some synthetic configurations extrapolate: " + worst);
  }
}
