package org.ordex.sampling;

import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import org.ordex.enumeration.ArrangementCursor;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.lattice.Composition;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.Units;

/**
 * Exact Boltzmann averages of a binary system by enumerating every occupation (2^N for N ≤ 24,
 * or — in revolving-door order, scored by one incremental swap per step — those with a fixed
 * number of sites holding the second species).
 */
final class BruteForce {
  /** Averages at one temperature. */
  record Averages(double energy, double heatCapacity, double observable, double count) {}

  private final SiteLayout layout;
  private double[] energies;
  private int[] counts;
  private double[] observable;

  /**
   * @param fixedCount number of sites holding the second allowed species, or −1 for all
   * @param observable a function of the occupation to average as well
   */
  BruteForce(SupercellEnergy model, int fixedCount, ToDoubleFunction<byte[]> observableFn) {
    this.layout = SiteLayout.of(model.supercell());
    if (fixedCount >= 0) {
      enumerateComposition(model, fixedCount, observableFn);
      return;
    }
    int n = layout.sites();
    int[][] allowed = new int[n][];
    for (int a = 0; a < n; a++) {
      allowed[a] = layout.allowed(layout.sublatticeOf(a));
    }
    int states = 1 << n;
    energies = new double[states];
    counts = new int[states];
    observable = new double[states];
    byte[] occ = new byte[n];
    for (int mask = 0; mask < states; mask++) {
      for (int a = 0; a < n; a++) {
        occ[a] = (byte) allowed[a][mask >>> a & 1];
      }
      energies[mask] = model.energy(occ);
      counts[mask] = Integer.bitCount(mask);
      observable[mask] = observableFn.applyAsDouble(occ);
    }
  }

  /** Every arrangement with {@code fixedCount} sites of the second species, scored by swaps. */
  private void enumerateComposition(SupercellEnergy model, int fixedCount,
      ToDoubleFunction<byte[]> observableFn) {
    int[] c = new int[layout.speciesCount()];
    int[] species = layout.allowed(0);
    c[species[0]] = layout.sites() - fixedCount;
    c[species[1]] = fixedCount;
    ArrangementSpace space = ArrangementSpace.of(Composition.of(model.supercell(), c));
    ArrangementCursor cursor = new ArrangementCursor(space);
    int states = (int) space.size();
    energies = new double[states];
    counts = new int[states];
    observable = new double[states];
    MoveEvaluator ev = model.evaluator(cursor.occupation());
    for (int k = 0; k < states; k++) {
      if (k > 0) {
        int changed = cursor.next();
        if (changed == 2) {
          ev.swap(cursor.changedSite(0), cursor.changedSite(1));
        } else {
          ev.reset(cursor.occupation());
        }
      }
      energies[k] = ev.energy();
      counts[k] = fixedCount;
      observable[k] = observableFn.applyAsDouble(cursor.occupation());
    }
  }

  /** The lowest energy of all enumerated occupations. */
  double lowestEnergy() {
    double min = Double.MAX_VALUE;
    for (double e : energies) {
      min = Math.min(min, e);
    }
    return min;
  }

  /**
   * Averages at temperature T with weight exp[−(E − dmu·n)/k_BT], n the number of sites
   * holding the second species.
   */
  Averages at(double t, double dmu) {
    double beta = 1 / (Units.KB * t);
    return at(t, n -> beta * dmu * n);
  }

  /**
   * Averages at temperature T with weight exp[−E/k_BT + bias(n)], n the number of sites
   * holding the second species.
   */
  Averages at(double t, IntToDoubleFunction bias) {
    double beta = 1 / (Units.KB * t);
    double max = -Double.MAX_VALUE;
    double[] lnw = new double[energies.length];
    for (int i = 0; i < energies.length; i++) {
      lnw[i] = -beta * energies[i] + bias.applyAsDouble(counts[i]);
      max = Math.max(max, lnw[i]);
    }
    double z = 0;
    double e1 = 0;
    double e2 = 0;
    double o = 0;
    double c = 0;
    for (int i = 0; i < energies.length; i++) {
      double w = Math.exp(lnw[i] - max);
      z += w;
      e1 += w * energies[i];
      e2 += w * energies[i] * energies[i];
      o += w * observable[i];
      c += w * counts[i];
    }
    e1 /= z;
    e2 /= z;
    return new Averages(e1, (e2 - e1 * e1) / (Units.KB * t * t), o / z, c / z);
  }
}
