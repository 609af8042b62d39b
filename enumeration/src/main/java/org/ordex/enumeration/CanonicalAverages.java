package org.ordex.enumeration;

import org.ordex.potentials.Units;

/**
 * Exact canonical-ensemble values of a {@link DensityOfStates} at one temperature: ln Z, the
 * mean energy U and its variance, and the mean species counts per sublattice. Energies eV
 * per supercell, like the density of states. F = −k_B T ln Z, S = (U − F)/T and
 * C = Var(E)/(k_B T²) follow.
 *
 * @param temperature T (K)
 * @param lnZ natural logarithm of the partition function Σ g e^{−E/k_B T}
 * @param energy U = ⟨E⟩ (eV)
 * @param variance ⟨(E − U)²⟩ (eV²; round-off below zero is clipped)
 * @param occupancy ⟨count of species s on sublattice l⟩ as [l][s] (zeros when not tracked)
 */
public record CanonicalAverages(double temperature, double lnZ, double energy,
    double variance, double[][] occupancy) {
  /** Free energy F = −k_B T ln Z (eV). */
  public double freeEnergy() {
    return -Units.KB * temperature * lnZ;
  }

  /** Entropy S = (U − F)/T (eV/K). */
  public double entropy() {
    return (energy - freeEnergy()) / temperature;
  }

  /** Heat capacity C = Var(E)/(k_B T²) (eV/K). */
  public double heatCapacity() {
    return variance / (Units.KB * temperature * temperature);
  }

  /**
   * The values at temperature T (K) of a density of states whose occupancy keys are decoded
   * by {@code keys}. T must not be below the density of states' minimum temperature (there
   * the bin moments no longer give exact sums).
   */
  public static CanonicalAverages of(DensityOfStates dos, OccupancyKey keys, double t) {
    if (!(t > 0) || t < dos.minTemperature() * (1 - 1e-12)) {
      throw new IllegalArgumentException("temperature " + t + " K is below the lowest exact "
          + "temperature " + dos.minTemperature() + " K of the density of states");
    }
    int m = DensityOfStates.MOMENTS;
    double beta = 1 / (Units.KB * t);
    double[] c = new double[m + 1];
    c[0] = 1;
    for (int k = 1; k <= m; k++) {
      c[k] = c[k - 1] * -beta / k;
    }
    double[] eMin = {Double.POSITIVE_INFINITY};
    dos.forEachBin((key, centre, count, mom, off) -> eMin[0] = Math.min(eMin[0], centre));
    if (eMin[0] == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("empty density of states");
    }
    // pass 1: Z and Σ w E (relative to eMin); pass 2: variance about U
    double[] acc = new double[2];
    long[] keyOrder = dos.keys();
    double[] weightOfKey = new double[keyOrder.length];
    dos.forEachBin((key, centre, count, mom, off) -> {
      double s0 = count;
      double s1 = 0;
      for (int k = 1; k <= m; k++) {
        s0 += c[k] * mom[off + k - 1];
        s1 += c[k - 1] * mom[off + k - 1];
      }
      double w = Math.exp(-beta * (centre - eMin[0]));
      acc[0] += w * s0;
      acc[1] += w * ((centre - eMin[0]) * s0 + s1);
      weightOfKey[java.util.Arrays.binarySearch(keyOrder, key)] += w * s0;
    });
    double z = acc[0];
    double u = acc[1] / z + eMin[0];
    double[] var = new double[1];
    dos.forEachBin((key, centre, count, mom, off) -> {
      double s0 = count;
      double s1 = 0;
      double s2 = 0;
      for (int k = 1; k <= m; k++) {
        s0 += c[k] * mom[off + k - 1];
        s1 += c[k - 1] * mom[off + k - 1];
        if (k >= 2) {
          s2 += c[k - 2] * mom[off + k - 1];
        }
      }
      double d = centre - u;
      var[0] += Math.exp(-beta * (centre - eMin[0])) * (d * d * s0 + 2 * d * s1 + s2);
    });
    int[][] shape = keys.counts(keyOrder[0]);
    double[][] occupancy = new double[shape.length][shape.length == 0 ? 0 : shape[0].length];
    for (int i = 0; i < keyOrder.length; i++) {
      int[][] counts = keys.counts(keyOrder[i]);
      double p = weightOfKey[i] / z;
      for (int l = 0; l < counts.length; l++) {
        for (int s = 0; s < counts[l].length; s++) {
          occupancy[l][s] += p * counts[l][s];
        }
      }
    }
    return new CanonicalAverages(t, Math.log(z) - beta * eMin[0], u, Math.max(0, var[0] / z),
        occupancy);
  }
}
