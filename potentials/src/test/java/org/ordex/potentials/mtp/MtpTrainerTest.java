package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;

/** Training end to end on data made by a known potential (the LiTi2O4 level-10 fixture). */
class MtpTrainerTest {
  private static final MtpTrainer.Listener QUIET = (s, i, l, e) -> { };

  static MtpPotential truth() {
    return MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
  }

  /**
   * Variants of the 14-atom spinel cell of the fixture: Li and Ti shuffled over the cation
   * sites, strained by up to 3 %, rattled by up to 0.08 Å.
   */
  static List<MlipCfg> cells(int count, long seed) {
    MlipCfg base = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/in_synthetic.cfg")).get(4);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<MlipCfg> out = new ArrayList<>();
    int[] t0 = base.types();
    List<Integer> cations = new ArrayList<>();
    for (int i = 0; i < t0.length; i++) {
      if (t0[i] != 1) {
        cations.add(i);
      }
    }
    for (int c = 0; c < count; c++) {
      double[][] eps = new double[3][3];
      for (int a = 0; a < 3; a++) {
        for (int b = a; b < 3; b++) {
          eps[a][b] = rnd.nextDouble(-0.03, 0.03);
          eps[b][a] = eps[a][b];
        }
      }
      double[][] x = strain(base.cartesian(), eps);
      double sigma = rnd.nextDouble(0.02, 0.08);
      for (double[] p : x) {
        for (int a = 0; a < 3; a++) {
          p[a] += sigma * rnd.nextGaussian();
        }
      }
      int[] types = t0.clone();
      for (int s = 0; s < 3; s++) {
        int i = cations.get(rnd.nextInt(cations.size()));
        int j = cations.get(rnd.nextInt(cations.size()));
        int keep = types[i];
        types[i] = types[j];
        types[j] = keep;
      }
      out.add(MlipCfg.of(strain(base.supercell(), eps), types, x));
    }
    return out;
  }

  private static double[][] strain(double[][] v, double[][] eps) {
    double[][] out = new double[v.length][3];
    for (int i = 0; i < v.length; i++) {
      for (int a = 0; a < 3; a++) {
        out[i][a] = v[i][a];
        for (int b = 0; b < 3; b++) {
          out[i][a] += eps[a][b] * v[i][b];
        }
      }
    }
    return out;
  }

  /** The configurations with the energy (and forces and stress) of {@code truth}. */
  static List<MlipCfg> label(MtpPotential truth, List<MlipCfg> cfgs, boolean forces) {
    MtpCalculator calc = new MtpCalculator(truth);
    List<MlipCfg> out = new ArrayList<>();
    for (MlipCfg c : cfgs) {
      MtpCalculator.Result r = calc.compute(c);
      out.add(c.withResults(r.energy(), forces ? r.forces() : null,
          forces ? r.plusStress() : null, null));
    }
    return out;
  }

  private static MtpPotential template() {
    return MtpLevels.template(10, 3, 1.5, 5, 8);
  }

  /** The truth's radial coefficients, each perturbed by 5 % of the largest. */
  private static double[] perturbedTruth(long seed) {
    double[] c = truth().radialCoeffs();
    double max = 0;
    for (double x : c) {
      max = Math.max(max, Math.abs(x));
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < c.length; i++) {
      c[i] += 0.05 * max * rnd.nextGaussian();
    }
    return c;
  }

  @Test
  void recoversTheGeneratingPotentialFromEnergiesForcesAndStresses() {
    List<MlipCfg> train = label(truth(), cells(24, 1), true);
    List<MlipCfg> held = label(truth(), cells(10, 2), true);
    MtpTrainer.Options o = MtpTrainer.Options.defaults().withIterations(1, 0, 200, 1e-12)
        .withInitial(perturbedTruth(3));
    MtpTrainer.Result r = MtpTrainer.train(template(), train, "synthetic", o, QUIET);
    MtpErrors fit = MtpErrors.of(r.potential(), train, "train");
    assertTrue(fit.energyPerAtom().rmse() < 1e-5, "energy RMSE " + fit.energyPerAtom().rmse());
    assertTrue(fit.forces().rmse() < 1e-3, "force RMSE " + fit.forces().rmse());
    // 24 small cells leave some directions open: held-out cells are close, not exact
    MtpErrors e = MtpErrors.of(r.potential(), held, "held-out");
    assertTrue(e.energyPerAtom().rmse() < 1e-3, "energy RMSE " + e.energyPerAtom().rmse());
  }

  @Test
  void energyOnlyTrainingOnLatticeData() {
    List<MlipCfg> train = label(truth(), cells(40, 4), false);
    MtpTrainer.Options o = MtpTrainer.Options.defaults().withIterations(1, 0, 150, 1e-12)
        .withInitial(perturbedTruth(5));
    MtpTrainer.Result r = MtpTrainer.train(template(), train, "energies", o, QUIET);
    assertEquals(0, r.forceLoss());
    MtpErrors e = MtpErrors.of(r.potential(), train, "train");
    assertEquals(0, e.forces().count());
    assertTrue(e.energyPerAtom().rmse() < 1e-4, "energy RMSE " + e.energyPerAtom().rmse());
  }

  @Test
  void randomStartsAreDeterministicWhateverTheThreadCount() {
    List<MlipCfg> train = label(truth(), cells(8, 6), true);
    MtpTrainer.Options o = MtpTrainer.Options.defaults().withIterations(2, 3, 6, 1e-12);
    MtpTrainer.Result one = MtpTrainer.train(template(), train, "d", o.withRun(5, 1), QUIET);
    MtpTrainer.Result two = MtpTrainer.train(template(), train, "d", o.withRun(5, 2), QUIET);
    assertEquals(one.potential().format(), two.potential().format());
    assertEquals(2, one.startLosses().length);
    assertTrue(one.loss() <= Math.min(one.startLosses()[0], one.startLosses()[1]));
    // timing accounts: every L-BFGS evaluation is an epoch, the preconditioner is refreshed
    // at the first iteration of each start; both inside the total wall time
    assertTrue(one.evaluations() >= one.iterations() + 2, "epochs " + one.evaluations());
    assertEquals(2, one.curvatures());
    assertTrue(one.secondsPerEpoch() > 0);
    assertTrue(one.epochSeconds() + one.curvatureSeconds() <= one.seconds());
    MtpTrainer.Result other = MtpTrainer.train(template(), train, "d", o.withRun(6, 2), QUIET);
    assertNotEquals(one.potential().format(), other.potential().format());
  }

  @Test
  void badDataIsRejected() {
    List<MlipCfg> good = label(truth(), cells(2, 7), false);
    MtpPotential t = MtpLevels.template(4, 3, 1.5, 5, 8);
    MtpTrainer.Options o = MtpTrainer.Options.defaults();
    assertThrows(InvalidInputException.class,
        () -> MtpTrainer.train(t, List.of(), "empty", o, QUIET));
    MlipCfg nan = good.get(0).withResults(Double.NaN, null, null, null);
    assertThrows(InvalidInputException.class,
        () -> MtpTrainer.train(t, List.of(nan), "nan", o, QUIET));
    int[] types = good.get(0).types();
    types[3] = 3;
    MlipCfg badType = good.get(0).withTypes(types);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> MtpTrainer.train(t, List.of(good.get(1), badType), "types", o, QUIET));
    assertTrue(e.getMessage().contains("configuration 2"), e.getMessage());
  }
}
