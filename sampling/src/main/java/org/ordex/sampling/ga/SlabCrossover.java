package org.ordex.sampling.ga;

import java.util.random.RandomGenerator;
import org.ordex.lattice.Supercell;

/**
 * Cut-and-splice crossover on the lattice (after Deaven and Ho): a random periodic slab of the
 * supercell, the sites with frac(h·x + u) &lt; ½ for a random integer direction h (components
 * −1, 0, 1, not all zero) in supercell fractional coordinates x and a random offset u, comes
 * from one parent and the rest from the other; then the composition is repaired. Whole
 * ordered regions of both parents survive, unlike in a uniform crossover.
 */
final class SlabCrossover extends CompositionCrossover {
  private final double[][] fractional;

  SlabCrossover(FixedComposition composition, double probability) {
    super(probability);
    Supercell cell = composition.supercell();
    fractional = new double[composition.size()][];
    for (int a = 0; a < fractional.length; a++) {
      fractional[a] = cell.fractional(cell.activeSite(a));
    }
  }

  @Override
  void mask(boolean[] fromFirst, RandomGenerator random) {
    int h0;
    int h1;
    int h2;
    do {
      h0 = random.nextInt(3) - 1;
      h1 = random.nextInt(3) - 1;
      h2 = random.nextInt(3) - 1;
    } while (h0 == 0 && h1 == 0 && h2 == 0);
    double u = random.nextDouble();
    for (int a = 0; a < fromFirst.length; a++) {
      double[] x = fractional[a];
      double t = h0 * x[0] + h1 * x[1] + h2 * x[2] + u;
      fromFirst[a] = t - Math.floor(t) < 0.5;
    }
  }

  @Override
  public String toString() {
    return "slab crossover (p = " + _probability + ")";
  }
}
