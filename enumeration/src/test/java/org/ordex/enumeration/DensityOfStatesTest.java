package org.ordex.enumeration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.Units;

class DensityOfStatesTest {
  static final double KB = Units.KB;

  @Test
  void boltzmannSumsAreExactAgainstDirectSummation() {
    Supercell cell = Systems.square(3, "A, B");
    OccupancyKey keys = OccupancyKey.of(cell);
    Random r = new Random(5);
    double tMin = 150;
    DensityOfStates dos = DensityOfStates.withBinWidth(DensityOfStates.binWidthFor(tMin));
    double[] e = new double[5000];
    long[] g = new long[e.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = -3 + 0.4 * r.nextGaussian();
      g[i] = 1 + r.nextInt(48);
      dos.add(e[i], 0, g[i]);
    }
    for (double t : new double[] {150, 151, 300, 1000, 5000}) {
      double beta = 1 / (KB * t);
      double z = 0;
      double u = 0;
      for (int i = 0; i < e.length; i++) {
        double w = g[i] * Math.exp(-beta * (e[i] + 3));
        z += w;
        u += w * e[i];
      }
      u /= z;
      double var = 0;
      for (int i = 0; i < e.length; i++) {
        var += g[i] * Math.exp(-beta * (e[i] + 3)) * (e[i] - u) * (e[i] - u);
      }
      var /= z;
      CanonicalAverages a = CanonicalAverages.of(dos, keys, t);
      assertEquals(Math.log(z) + 3 * beta, a.lnZ(), 1e-12 * Math.abs(a.lnZ()), "T=" + t);
      assertEquals(u, a.energy(), 1e-12);
      assertEquals(var, a.variance(), 1e-10 * var);
    }
  }

  @Test
  void addingAndStoringKeepEveryBit() throws Exception {
    Random r = new Random(9);
    double w = DensityOfStates.binWidthFor(100);
    DensityOfStates a = DensityOfStates.withBinWidth(w);
    DensityOfStates b = DensityOfStates.withBinWidth(w);
    for (int i = 0; i < 2000; i++) {
      (i % 3 == 0 ? a : b).add(5 * r.nextGaussian(), r.nextInt(4), 1 + r.nextInt(5));
    }
    DensityOfStates sum = DensityOfStates.withBinWidth(w);
    sum.add(a);
    sum.add(b);
    assertEquals(a.total() + b.total(), sum.total());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sum.write(new DataOutputStream(bytes));
    DensityOfStates back = DensityOfStates.read(new DataInputStream(
        new ByteArrayInputStream(bytes.toByteArray())));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    back.write(new DataOutputStream(again));
    assertEquals(java.util.Arrays.toString(bytes.toByteArray()),
        java.util.Arrays.toString(again.toByteArray()));
    assertEquals(sum.total(), back.total());
  }
}
