package org.ordex.sampling.ga;

import io.jenetics.AbstractAlterer;
import io.jenetics.AltererResult;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.random.RandomGenerator;

/**
 * Swap mutation inside the composition's groups: each individual is mutated with probability
 * p; a mutation exchanges the species of two sites of one group that hold different species,
 * then, with probability ½ each time, makes another such swap (1 swap, 2 with probability ½,
 * …). The composition is kept by construction.
 */
final class SwapMutator extends AbstractAlterer<SpeciesGene, Double> {
  private final FixedComposition composition;
  private final int[] mixedSites;

  SwapMutator(FixedComposition composition, double probability) {
    super(probability);
    this.composition = composition;
    int count = 0;
    for (int g = 0; g < composition.groupCount(); g++) {
      count += composition.isMixed(g) ? composition.groupSites(g).length : 0;
    }
    mixedSites = new int[count];
    int i = 0;
    for (int g = 0; g < composition.groupCount(); g++) {
      if (composition.isMixed(g)) {
        for (int a : composition.groupSites(g)) {
          mixedSites[i++] = a;
        }
      }
    }
  }

  @Override
  public AltererResult<SpeciesGene, Double> alter(Seq<Phenotype<SpeciesGene, Double>> population,
      long generation) {
    if (mixedSites.length == 0) {
      return new AltererResult<>(population.asISeq());
    }
    RandomGenerator random = RandomRegistry.random();
    MSeq<Phenotype<SpeciesGene, Double>> out = MSeq.of(population);
    int altered = 0;
    for (int p = 0; p < out.size(); p++) {
      if (random.nextDouble() >= _probability) {
        continue;
      }
      OccupationChromosome c = (OccupationChromosome) out.get(p).genotype().chromosome();
      byte[] occ = c.occupation();
      do {
        swap(occ, random);
      } while (random.nextBoolean());
      out.set(p, Phenotype.of(Genotype.of(OccupationChromosome.wrap(composition, occ)),
          generation));
      altered++;
    }
    return new AltererResult<>(out.toISeq(), altered);
  }

  /** One random swap of two sites of one group holding different species. */
  void swap(byte[] occ, RandomGenerator random) {
    int i = mixedSites[random.nextInt(mixedSites.length)];
    int[] sites = composition.groupSites(composition.groupOf(i));
    int others = 0;
    for (int s : sites) {
      others += occ[s] != occ[i] ? 1 : 0;
    }
    int r = random.nextInt(others);
    for (int j : sites) {
      if (occ[j] != occ[i] && r-- == 0) {
        byte t = occ[i];
        occ[i] = occ[j];
        occ[j] = t;
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "swap mutation (p = " + _probability + ")";
  }
}
