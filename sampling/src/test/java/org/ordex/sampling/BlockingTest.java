package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Blocking analysis against series with known statistics. */
class BlockingTest {
  /** Standard normal deviates (Box–Muller). */
  private static double gaussian(Rng rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void independentSamplesGiveSigmaOverRootN() {
    Rng rng = Rng.stream(1, 0);
    Blocking b = new Blocking(1);
    int n = 1 << 17;
    for (int i = 0; i < n; i++) {
      b.push(5 + 2 * gaussian(rng));
    }
    Estimate e = b.estimate(0);
    assertEquals(5, e.mean(), 4 * 2 / Math.sqrt(n));
    assertEquals(2 / Math.sqrt(n), e.error(), 0.1 * 2 / Math.sqrt(n));
    assertEquals(0.5, e.tau(), 0.1);
  }

  /**
   * An AR(1) series x_t = φ x_{t−1} + ε_t has τ_int = (1+φ)/(2(1−φ)) and
   * var(mean) ≈ σ_ε² / ((1−φ)² n).
   */
  @Test
  void correlatedSamplesGiveTheExactAutocorrelationTime() {
    double phi = 0.9;
    Rng rng = Rng.stream(2, 0);
    Blocking b = new Blocking(1);
    int n = 1 << 19;
    double x = 0;
    for (int i = 0; i < n; i++) {
      x = phi * x + gaussian(rng);
      b.push(x);
    }
    Estimate e = b.estimate(0);
    double expected = 1 / ((1 - phi) * Math.sqrt(n));
    assertEquals(expected, e.error(), 0.15 * expected);
    assertEquals((1 + phi) / (2 * (1 - phi)), e.tau(), 0.15 * 9.5);
    assertEquals(0, e.mean(), 4 * expected);
  }

  @Test
  void linearCombinationsEqualBlockingOfTheCombinedSeries() {
    Rng rng = Rng.stream(3, 0);
    Blocking pair = new Blocking(2);
    Blocking sum = new Blocking(1);
    double y = 0;
    for (int i = 0; i < 10_000; i++) {
      y = 0.5 * y + gaussian(rng);
      double z = gaussian(rng) + 0.3 * y;
      pair.push(new double[] {y, z});
      sum.push(2 * y - z);
    }
    Estimate a = pair.estimate(new double[] {2, -1});
    Estimate b = sum.estimate(0);
    assertEquals(b.mean(), a.mean(), 1e-12);
    assertEquals(b.error(), a.error(), 1e-12);
    assertEquals(b.blocks(), a.blocks());
  }

  @Test
  void constantSeriesHasNoError() {
    Blocking b = new Blocking(1);
    for (int i = 0; i < 1000; i++) {
      b.push(-1234.5);
    }
    Estimate e = b.estimate(0);
    assertEquals(-1234.5, e.mean(), 0);
    assertEquals(0, e.error(), 0);
  }

  @Test
  void savedAccumulatorContinuesIdentically() throws IOException {
    Rng rng = Rng.stream(4, 0);
    Blocking a = new Blocking(2);
    for (int i = 0; i < 777; i++) {
      a.push(new double[] {gaussian(rng), gaussian(rng)});
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.write(new DataOutputStream(bytes));
    Blocking b = Blocking.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (int i = 0; i < 1000; i++) {
      double[] x = {gaussian(rng), gaussian(rng)};
      a.push(x);
      b.push(x);
    }
    assertEquals(a.estimate(1), b.estimate(1));
  }

  @Test
  void chiSquareQuantilesAreClose() {
    assertEquals(6.635, Blocking.chiSquare99(1), 0.06);
    assertEquals(23.209, Blocking.chiSquare99(10), 0.05);
    assertTrue(Blocking.chiSquare99(30) > 50 && Blocking.chiSquare99(30) < 51);
  }
}
