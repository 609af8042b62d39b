package org.ordex.analysis.hull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LowerHullTest {
  @Test
  void verticesOfASmallSet() {
    double[] x = {0, 0.25, 0.5, 0.5, 0.75, 1, 0.5, 0.25};
    double[] y = {0, -1, -1.5, -0.2, -0.5, 0, 3, 0.4};
    LowerHull h = LowerHull.of(x, y);
    assertEquals(4, h.size());
    assertArrayEquals(new int[] {0, 1, 2, 5}, new int[] {h.pointIndex(0), h.pointIndex(1),
        h.pointIndex(2), h.pointIndex(3)});
    assertEquals(-0.75, h.at(0.75), 1e-15);
    assertEquals(-1.25, h.at(0.375), 1e-15);
    assertTrue(Double.isNaN(h.at(1.5)));
  }

  @Test
  void collinearPointsAreNotVertices() {
    LowerHull h = LowerHull.of(new double[] {0, 0.5, 1}, new double[] {0, -1, -2});
    assertEquals(2, h.size());
    assertEquals(-1, h.at(0.5), 1e-15);
    // the fcc nearest-neighbour antiferro pair in 32 sites: x = 13/32 lies on the chord
    // from L1_2 to L1_0 up to round-off
    java.util.List<HullEntry> entries = new java.util.ArrayList<>();
    int[] cu = {0, 8, 13, 15, 16, 32};
    double[] e = {1.92, 0, -0.4, -0.56, -0.64, 1.92};
    for (int i = 0; i < cu.length; i++) {
      entries.add(new HullEntry("f", i + 1, "s" + i, "", 32, cu[i] / 32.0, e[i]));
    }
    assertEquals(4, FormationHull.of(entries, "Cu", "Au").hull().size());
    double x = 13 / 32.0;
    LowerHull real = LowerHull.of(new double[] {0.25, x, 0.5}, new double[] {-0.06, -0.0726,
        -0.08});
    assertEquals(3, real.size(), "a point 0.1 meV below the chord is a vertex");
  }

  /** Brute force: a point is a vertex iff no chord between two other points passes below it. */
  @Test
  void everyPointLiesOnOrAboveTheHullAndVerticesAreTight() {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + random.nextInt(20);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(9) / 8.0;
        y[i] = random.nextGaussian();
      }
      LowerHull h = LowerHull.of(x, y);
      for (int i = 0; i < n; i++) {
        assertTrue(y[i] >= h.at(x[i]) - 1e-12);
      }
      for (int v = 0; v < h.size(); v++) {
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            if (x[a] < h.x(v) && x[b] > h.x(v)) {
              double t = (h.x(v) - x[a]) / (x[b] - x[a]);
              assertTrue(y[a] + t * (y[b] - y[a]) > h.y(v) - 1e-12);
            }
          }
        }
      }
    }
  }
}
