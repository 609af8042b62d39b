package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {
  @Test
  void boundedIntegersAreUniform() {
    Rng rng = Rng.stream(42, 0);
    int bound = 7;
    int[] hits = new int[bound];
    int n = 700_000;
    for (int i = 0; i < n; i++) {
      hits[rng.nextInt(bound)]++;
    }
    double chi2 = 0;
    for (int h : hits) {
      chi2 += (h - n / 7.0) * (h - n / 7.0) / (n / 7.0);
    }
    assertTrue(chi2 < 22.5, "chi2 with 6 degrees of freedom: " + chi2);
  }

  @Test
  void doublesAreInTheUnitInterval() {
    Rng rng = Rng.stream(1, 1);
    double sum = 0;
    for (int i = 0; i < 100_000; i++) {
      double u = rng.nextDouble();
      assertTrue(u >= 0 && u < 1);
      sum += u;
    }
    assertEquals(0.5, sum / 100_000, 0.005);
  }

  @Test
  void streamsDifferAndStatesRestore() {
    Rng a = Rng.stream(5, 0);
    Rng b = Rng.stream(5, 1);
    assertNotEquals(a.nextLong(), b.nextLong());
    Rng c = Rng.ofState(a.state());
    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextLong(), c.nextLong());
    }
    assertEquals(Rng.stream(9, 3).nextLong(), Rng.stream(9, 3).nextLong());
  }
}
