package org.ordex.sampling.ga;

import java.util.random.RandomGenerator;

/**
 * Uniform crossover: every site comes from either parent with probability ½, then the
 * composition is repaired. Sites where the parents agree are always inherited.
 */
final class UniformCrossover extends CompositionCrossover {
  UniformCrossover(double probability) {
    super(probability);
  }

  @Override
  void mask(boolean[] fromFirst, RandomGenerator random) {
    for (int a = 0; a < fromFirst.length; a++) {
      fromFirst[a] = random.nextBoolean();
    }
  }

  @Override
  public String toString() {
    return "uniform crossover (p = " + _probability + ")";
  }
}
