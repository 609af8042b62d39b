package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.MlipCfg;

/**
 * The analytic derivatives of training: with respect to the radial coefficients (energies,
 * forces and stresses, and the whole objective with the linear coefficients re-solved)
 * against central differences, and the linear rows against the calculator.
 */
class MtpTrainingGradientTest {
  private static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

  /** Periodic 56-atom (rattled), slab and cluster cases of the synthetic fixture. */
  private static List<MlipCfg> cases() {
    List<MlipCfg> in = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/in_synthetic.cfg"));
    return List.of(in.get(1), in.get(6), in.get(7));
  }

  private static MtpPotential randomLevel(int level, long seed) {
    return MtpFixtures.random(MtpLevels.template(level, 3, 1.5, 5, 6), seed);
  }

  /** a·E + λ·F + μ:S of a configuration for given radial coefficients. */
  private static double combination(MtpPotential p, double[] radial, MlipCfg cfg, double a,
      double[] lambda, double[][] mu) {
    MtpCalculator.Result r = new MtpCalculator(p.withCoefficients(radial, p.speciesCoeffs(),
        p.momentCoeffs())).compute(cfg);
    double v = a * r.energy();
    if (lambda != null) {
      for (int i = 0; i < cfg.size(); i++) {
        for (int c = 0; c < 3; c++) {
          v += lambda[3 * i + c] * r.forces()[i][c];
        }
      }
    }
    if (mu != null) {
      for (int k = 0; k < 6; k++) {
        v += (k < 3 ? 1 : 2) * mu[VOIGT[k][0]][VOIGT[k][1]] * r.plusStress()[k];
      }
    }
    return v;
  }

  private static void checkAdjoint(MtpPotential p, MlipCfg cfg, double a, double[] lambda,
      double[][] mu, String what) {
    FitConfiguration fc = FitConfiguration.of(cfg.withResults(0, null, null, null),
        p.speciesCount(), p.maxDist(), "test", 1);
    double[] grad = new double[p.radialCoeffCount()];
    new RadialAdjoint(new MtpKernel(p)).add(fc, a, lambda, mu, grad, 0);
    double[] c = p.radialCoeffs();
    double scale = 0;
    for (double g : grad) {
      scale = Math.max(scale, Math.abs(g));
    }
    double h = 1e-6;
    for (int i = 0; i < c.length; i += 7) {
      double keep = c[i];
      c[i] = keep + h;
      double up = combination(p, c, cfg, a, lambda, mu);
      c[i] = keep - h;
      double down = combination(p, c, cfg, a, lambda, mu);
      c[i] = keep;
      assertEquals((up - down) / (2 * h), grad[i], 1e-6 * scale, what + ", coefficient " + i);
    }
  }

  @Test
  void radialGradientsOfEnergyForcesAndStressMatchFiniteDifferences() {
    MtpPotential p = randomLevel(10, 3);
    SplittableRandom rnd = new SplittableRandom(8);
    for (MlipCfg cfg : cases()) {
      double[] lambda = new double[3 * cfg.size()];
      for (int i = 0; i < lambda.length; i++) {
        lambda[i] = rnd.nextDouble(-1, 1);
      }
      double[][] mu = new double[3][3];
      for (int[] v : VOIGT) {
        mu[v[0]][v[1]] = rnd.nextDouble(-1, 1);
        mu[v[1]][v[0]] = mu[v[0]][v[1]];
      }
      checkAdjoint(p, cfg, 1, null, null, "energy");
      checkAdjoint(p, cfg, 0, lambda, null, "forces");
      checkAdjoint(p, cfg, 0, null, mu, "stress");
      checkAdjoint(p, cfg, 0.3, lambda, mu, "all");
    }
  }

  @Test
  void linearRowsTimesCoefficientsGiveEnergyForcesAndStress() {
    MtpPotential p = randomLevel(12, 4);
    MtpKernel k = new MtpKernel(p);
    int s = p.alphaScalarMoments();
    for (MlipCfg cfg : cases()) {
      FitConfiguration fc = FitConfiguration.of(cfg.withResults(0, null, null, null),
          p.speciesCount(), p.maxDist(), "test", 1);
      int n = cfg.size();
      double[] energy = new double[p.speciesCount() + s];
      double[] forces = new double[3 * n * s];
      double[] virial = new double[6 * s];
      new DesignRows(k).compute(fc, energy, forces, virial);
      MtpCalculator.Result r = new MtpCalculator(p).compute(cfg);
      double e = 0;
      for (int t = 0; t < p.speciesCount(); t++) {
        e += energy[t] * p.speciesCoeffs()[t];
      }
      for (int j = 0; j < s; j++) {
        e += energy[p.speciesCount() + j] * p.momentCoeffs()[j];
      }
      assertEquals(r.energy(), e, 1e-10 * Math.abs(r.energy()));
      for (int q = 0; q < 3 * n; q++) {
        double f = 0;
        for (int j = 0; j < s; j++) {
          f += forces[j * 3 * n + q] * p.momentCoeffs()[j];
        }
        assertEquals(r.forces()[q / 3][q % 3], f, 1e-9, "force row " + q);
      }
      for (int v = 0; v < 6; v++) {
        double x = 0;
        for (int j = 0; j < s; j++) {
          x += virial[j * 6 + v] * p.momentCoeffs()[j];
        }
        assertEquals(r.plusStress()[v], x, 1e-8, "stress row " + v);
      }
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s = Math.max(s, Math.abs(x));
    }
    return s;
  }

  @Test
  void objectiveGradientWithExactLinearSolveMatchesFiniteDifferences() {
    MtpPotential truth = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    MtpCalculator calc = new MtpCalculator(truth);
    List<FitConfiguration> data = new ArrayList<>();
    int index = 1;
    for (MlipCfg cfg : cases()) {
      MtpCalculator.Result r = calc.compute(cfg);
      MlipCfg ref = cfg.withResults(r.energy() + 0.01 * index, r.forces(),
          cfg.periodic(2) ? r.plusStress() : null, null);
      data.add(FitConfiguration.of(ref, 3, 5, "test", index++));
    }
    MtpPotential template = MtpLevels.template(8, 3, 1.5, 5, 6);
    FitObjective obj = new FitObjective(template, data,
        new FitObjective.Weights(1, 0.01, 0.001), MtpTrainer.RIDGE, 1e-3, null, 1L << 30);
    double[] c = MtpTrainer.randomRadial(template, new SplittableRandom(2));
    for (int i = 0; i < c.length; i++) {
      c[i] *= 1.1;
    }
    FitObjective.Evaluation e = obj.evaluate(c);
    // without stored rows the outputs come from the calculator: the same objective
    FitObjective.Evaluation recomputed = new FitObjective(template, data,
        new FitObjective.Weights(1, 0.01, 0.001), MtpTrainer.RIDGE, 1e-3, null, 0).evaluate(c);
    assertEquals(e.value(), recomputed.value(), 1e-10 * e.value());
    assertArrayEquals(e.gradient(), recomputed.gradient(), 1e-8 * norm(e.gradient()));
    double scale = 0;
    for (double g : e.gradient()) {
      scale = Math.max(scale, Math.abs(g));
    }
    double h = 1e-6;
    for (int i = 0; i < c.length; i += 5) {
      double keep = c[i];
      c[i] = keep + h;
      double up = obj.evaluate(c).value();
      c[i] = keep - h;
      double down = obj.evaluate(c).value();
      c[i] = keep;
      assertEquals((up - down) / (2 * h), e.gradient()[i], 1e-5 * scale, "coefficient " + i);
    }
  }
}
