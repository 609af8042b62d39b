package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.MlipCfg;

/** Forces and PlusStress against central differences of the energy. */
class MtpFiniteDifferenceTest {
  private static final double H = 1e-5;

  private static void check(MtpCalculator calc, MlipCfg cfg, double tol) {
    double[][] x = cfg.cartesian();
    double[][] rows = cfg.cellRows();
    int[] t = cfg.types();
    MtpCalculator.Result r = calc.compute(x, t, rows);
    double scale = 1;
    for (double[] f : r.forces()) {
      for (double v : f) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int i = 0; i < x.length; i += Math.max(1, x.length / 4)) {
      for (int a = 0; a < 3; a++) {
        double keep = x[i][a];
        x[i][a] = keep + H;
        double ep = calc.energy(x, t, rows);
        x[i][a] = keep - H;
        double em = calc.energy(x, t, rows);
        x[i][a] = keep;
        assertEquals(-(ep - em) / (2 * H), r.forces()[i][a], tol * scale,
            "force on atom " + i + " component " + a);
      }
    }
    int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
    double sScale = 1;
    for (double v : r.plusStress()) {
      sScale = Math.max(sScale, Math.abs(v));
    }
    for (int k = 0; k < 6; k++) {
      double ep = calc.energy(strained(x, voigt[k], H), t, strainedRows(rows, voigt[k], H));
      double em = calc.energy(strained(x, voigt[k], -H), t, strainedRows(rows, voigt[k], -H));
      assertEquals(-(ep - em) / (2 * H), r.plusStress()[k], tol * sScale, "stress " + k);
    }
  }

  /** Positions under the deformation I + h·e_a e_bᵀ. */
  private static double[][] strained(double[][] x, int[] ab, double h) {
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i].clone();
      y[i][ab[0]] += h * x[i][ab[1]];
    }
    return y;
  }

  private static double[][] strainedRows(double[][] rows, int[] ab, double h) {
    return strained(rows, ab, h);
  }

  @Test
  void level10ThreeSpeciesIncludingSlabAndCluster() {
    MtpCalculator calc = new MtpCalculator(
        MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp")));
    List<MlipCfg> in = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/in_synthetic.cfg"));
    for (int c : new int[] {1, 2, 4, 6, 7, 9}) {
      check(calc, in.get(c), 1e-7);
    }
  }

  @Test
  void level20RepulsivePotentialOnSmallCellsWithManySelfImages() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("B_PdAg_level20_repuls/pot.mtp"));
    MtpCalculator calc = new MtpCalculator(p);
    List<MlipCfg> in = MlipCfg.read(MtpFixtures.file("B_PdAg_level20_repuls/in.cfg"));
    boolean close = false;
    for (int c = 0; c < in.size(); c += 5) {
      check(calc, in.get(c), 1e-6);
      close |= calc.compute(in.get(c)).belowMinDist(p);
    }
    MlipCfg dimer = MlipCfg.of(new double[0][], new int[] {0, 1},
        new double[][] {{0, 0, 0}, {0.3, 0.4, 1.6}});
    assertTrue(calc.compute(dimer).belowMinDist(p));
    check(calc, dimer, 1e-6);
    MlipCfg apart = MlipCfg.of(new double[0][], new int[] {0, 1},
        new double[][] {{0, 0, 0}, {0, 0, 2.2}});
    assertTrue(calc.compute(dimer).energy() > calc.compute(apart).energy() + 5,
        "the hard core below min_dist");
    assertTrue(close, "the fixture has cells with pairs below min_dist");
  }
}
