package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.InvalidInputException;

class MtpLevelsTest {
  /** MLIP-2's shipped templates: scalar basis functions, basic moments per level. */
  private static final int[][] MLIP_COUNTS = {{2, 1, 1}, {4, 2, 1}, {6, 5, 5}, {8, 9, 11},
      {10, 16, 25}, {12, 29, 46}, {14, 52, 81}, {16, 92, 130}, {18, 163, 201},
      {20, 288, 295}, {22, 500, 421}, {24, 864, 581}, {26, 1464, 706}, {28, 2445, 866}};

  @Test
  void countsOfEveryLevelEqualMlipsTemplates() {
    for (int[] c : MLIP_COUNTS) {
      if (c[0] > 20) {
        // the large levels are checked by count of contractions only (fast)
        assertEquals(c[1], MtpLevels.contractions(c[0]).size(), "level " + c[0]);
        continue;
      }
      MtpPotential t = MtpLevels.template(c[0], 1, 2, 5, 8);
      assertEquals(c[1], t.alphaScalarMoments(), "scalars of level " + c[0]);
      assertEquals(c[2], t.alphaIndexBasic().length, "basic moments of level " + c[0]);
      assertEquals(c[0], t.level());
      assertFalse(t.isTrained());
    }
  }

  @Test
  void level20IsTheSetOfMlipsTemplateAndLowerLevelsItsNestedOnes() {
    MtpPotential mlip20 = MtpPotential.read(MtpFixtures.file("B_PdAg_level20_repuls/pot.mtp"));
    for (int level = 2; level <= 20; level += 2) {
      MtpPotential mlip = mlip20.templateOfLevel(level);
      MtpPotential ours = MtpLevels.template(level, 1, 2, 5, 8);
      assertArrayEquals(mlip.alphaIndexBasic(), ours.alphaIndexBasic(), "level " + level);
      assertSameScalars(mlip, ours, level);
    }
  }

  @Test
  void level10IsTheSetOfTheFixtureTemplate() {
    MtpPotential init = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/untrained_init.mtp"));
    MtpPotential ours = MtpLevels.template(10, 3, 1.5, 5, 8);
    assertArrayEquals(init.alphaIndexBasic(), ours.alphaIndexBasic());
    assertEquals(init.alphaMomentsCount(), ours.alphaMomentsCount());
    assertSameScalars(init, ours, 10);
    assertEquals(init.radialFuncsCount(), ours.radialFuncsCount());
    assertEquals(MtpPotential.parse(ours.format(), "again"), ours);
  }

  @Test
  void unknownLevelsAreBadInput() {
    for (int level : new int[] {0, 1, 7, 30, -2}) {
      assertThrows(InvalidInputException.class, () -> MtpLevels.template(level, 1, 2, 5, 8));
    }
    assertThrows(InvalidInputException.class, () -> MtpLevels.template(8, 1, 5, 2, 8));
    assertTrue(MtpLevels.isLevel(16));
  }

  @Test
  void compositionsAreNumberedInMlipsOrder() {
    for (int s = 0; s <= 6; s++) {
      int[][] c = MtpLevels.compositions(s);
      for (int i = 0; i < c.length; i++) {
        assertEquals(i, MtpLevels.compositionIndex(c[i][0], c[i][1], c[i][2]));
      }
    }
    assertArrayEquals(new int[] {1, 1, 0}, MtpLevels.compositions(2)[1]);
  }

  /**
   * Both templates hold the same scalar basis functions: on random neighbourhoods with the same
   * radial functions every function of one equals exactly one of the other.
   */
  static void assertSameScalars(MtpPotential a, MtpPotential b, int level) {
    assertEquals(a.alphaScalarMoments(), b.alphaScalarMoments(), "scalars, level " + level);
    double[][] va = scalarValues(a);
    double[][] vb = scalarValues(b);
    boolean[] used = new boolean[vb.length];
    for (double[] x : va) {
      int match = -1;
      for (int j = 0; j < vb.length; j++) {
        if (!used[j] && close(x, vb[j])) {
          match = j;
          break;
        }
      }
      assertTrue(match >= 0, "level " + level + ": no counterpart of " + Arrays.toString(x));
      used[match] = true;
    }
  }

  private static boolean close(double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i] - y[i]) > 1e-9 * Math.max(Math.abs(x[i]), Math.abs(y[i]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Scalar basis function values of 3 random 12-atom neighbourhoods, with the same radial
   * functions for any basis of the same basic moments.
   */
  private static double[][] scalarValues(MtpPotential template) {
    MtpPotential one = MtpPotential.template(1, 2, 5, 8, template.radialFuncsCount(),
        template.alphaMomentsCount(), template.alphaIndexBasic(), template.alphaIndexTimes(),
        template.alphaMomentMapping());
    SplittableRandom rnd = new SplittableRandom(5);
    double[] radial = new double[one.radialCoeffCount()];
    for (int i = 0; i < radial.length; i++) {
      radial[i] = rnd.nextDouble(-0.5, 0.5);
    }
    MtpKernel k = new MtpKernel(one.withCoefficients(radial, new double[1],
        new double[one.alphaScalarMoments()]));
    MtpKernel.Scratch s = k.scratch();
    double[][] out = new double[one.alphaScalarMoments()][3];
    SplittableRandom pos = new SplittableRandom(11);
    for (int n = 0; n < 3; n++) {
      Arrays.fill(s.moments, 0);
      for (int j = 0; j < 12; j++) {
        double x = pos.nextDouble(-3, 3);
        double y = pos.nextDouble(-3, 3);
        double z = pos.nextDouble(-3, 3);
        double r = Math.sqrt(x * x + y * y + z * z);
        if (r > 2 && r < 5) {
          k.addNeighbour(0, 0, x, y, z, r, s, s.moments, 0);
        }
      }
      k.contract(s.moments);
      for (int i = 0; i < out.length; i++) {
        out[i][n] = s.moments[k.mapping[i]];
      }
    }
    return out;
  }
}
