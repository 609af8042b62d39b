package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SiteBasisTest {
  @Test
  void binaryIsTheSpinVariable() {
    double[][] t = SiteBasis.trigonometric(2);
    assertArrayEquals(new double[] {1, 1}, t[0]);
    assertArrayEquals(new double[] {1, -1}, t[1]);
  }

  @Test
  void orthonormalForUpToSixSpecies() {
    for (int m = 2; m <= 6; m++) {
      double[][] t = SiteBasis.trigonometric(m);
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          double s = 0;
          for (int sigma = 0; sigma < m; sigma++) {
            s += t[a][sigma] * t[b][sigma];
          }
          assertEquals(a == b ? 1 : 0, s / m, 1e-12, "M=" + m + " n=" + a + "," + b);
        }
      }
    }
  }
}
