package org.ordex.sampling.ga;

import io.jenetics.LinearRankSelector;
import io.jenetics.RouletteWheelSelector;
import io.jenetics.Selector;
import io.jenetics.TournamentSelector;
import io.jenetics.TruncationSelector;
import org.ordex.lattice.InvalidInputException;

/**
 * Jenetics selectors by name: {@code tournament[:K]} (K ≥ 2, default 3),
 * {@code truncation}, {@code linear-rank}, {@code roulette} (fitness-proportional, on energies
 * shifted by the worst).
 */
final class Selection {
  private Selection() {}

  static Selector<SpeciesGene, Double> parse(String spec) {
    String s = spec.trim();
    if (s.equals("tournament") || s.startsWith("tournament:")) {
      int k = 3;
      if (s.contains(":")) {
        try {
          k = Integer.parseInt(s.substring(s.indexOf(':') + 1).trim());
        } catch (NumberFormatException e) {
          k = -1;
        }
      }
      if (k < 2) {
        throw new InvalidInputException("selector '" + spec + "': the tournament size must be "
            + "an integer ≥ 2 (e.g. tournament:3)");
      }
      return new TournamentSelector<>(k);
    }
    switch (s) {
      case "truncation":
        return new TruncationSelector<>();
      case "linear-rank":
        return new LinearRankSelector<>();
      case "roulette":
        return new RouletteWheelSelector<>();
      default:
        throw new InvalidInputException("selector '" + spec + "': expected tournament[:K], "
            + "truncation, linear-rank or roulette");
    }
  }
}
