package org.ordex.sampling.ga;

import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.Recombinator;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.random.RandomGenerator;

/**
 * A crossover that keeps the composition: each site of the first child takes its species from
 * parent A or parent B as a mask says (the second child the other way round), then the
 * repair restores the counts of every group by changing surplus species into missing ones,
 * only on sites where the parents differ (the parents have equal counts there, so this always
 * works), preferring sites where the other parent holds the missing species (for two species
 * such a site always exists, so the child stays between its parents). Subclasses choose the
 * mask.
 * Randomness comes from Jenetics' random registry, like every Jenetics alterer.
 */
abstract class CompositionCrossover extends Recombinator<SpeciesGene, Double> {
  /** With this probability an individual is chosen as a first parent (Jenetics' semantics). */
  CompositionCrossover(double probability) {
    super(probability, 2);
  }

  /** Fills {@code fromFirst}: whether the first child's site a comes from the first parent. */
  abstract void mask(boolean[] fromFirst, RandomGenerator random);

  @Override
  protected int recombine(MSeq<Phenotype<SpeciesGene, Double>> population, int[] individuals,
      long generation) {
    Phenotype<SpeciesGene, Double> pa = population.get(individuals[0]);
    Phenotype<SpeciesGene, Double> pb = population.get(individuals[1]);
    OccupationChromosome ca = (OccupationChromosome) pa.genotype().chromosome();
    OccupationChromosome cb = (OccupationChromosome) pb.genotype().chromosome();
    RandomGenerator random = RandomRegistry.random();
    FixedComposition comp = ca.composition();
    boolean[] fromFirst = new boolean[comp.size()];
    mask(fromFirst, random);
    byte[] a = ca.bytes();
    byte[] b = cb.bytes();
    population.set(individuals[0], child(comp, a, b, fromFirst, true, random, generation));
    population.set(individuals[1], child(comp, a, b, fromFirst, false, random, generation));
    return 2;
  }

  private static Phenotype<SpeciesGene, Double> child(FixedComposition comp, byte[] a, byte[] b,
      boolean[] fromFirst, boolean first, RandomGenerator random, long generation) {
    byte[] child = new byte[a.length];
    byte[] other = new byte[a.length];
    for (int s = 0; s < child.length; s++) {
      boolean takeA = fromFirst[s] == first;
      child[s] = takeA ? a[s] : b[s];
      other[s] = takeA ? b[s] : a[s];
    }
    repair(comp, child, other, random);
    return Phenotype.of(Genotype.of(OccupationChromosome.wrap(comp, child)), generation);
  }

  /**
   * Restores the composition of {@code child} in place, group by group: while a species is in
   * surplus, one of its sites (chosen at random, among those where {@code other} holds a
   * missing species when there are such) gets a missing species.
   */
  static void repair(FixedComposition comp, byte[] child, byte[] other, RandomGenerator random) {
    for (int g = 0; g < comp.groupCount(); g++) {
      int[] sites = comp.groupSites(g);
      byte[] sp = comp.groupSpecies(g);
      int[] surplus = new int[sp.length];
      for (int k = 0; k < sp.length; k++) {
        surplus[k] = -comp.groupCount(g, k);
      }
      for (int s : sites) {
        surplus[FixedComposition.indexOf(sp, child[s])]++;
      }
      for (int from = 0; from < sp.length; from++) {
        while (surplus[from] > 0) {
          int to = 0;
          while (surplus[to] >= 0) {
            to++;
          }
          int site = pick(sites, child, sp[from], other, sp[to], true, random);
          if (site < 0) {
            site = pick(sites, child, sp[from], other, sp[from], false, random);
          }
          child[site] = sp[to];
          surplus[from]--;
          surplus[to]++;
        }
      }
    }
  }

  /**
   * A uniformly random site holding {@code have} in {@code child} where {@code other} holds
   * (when {@code equal}) or does not hold (otherwise) species {@code mark}; −1 when there is
   * none.
   */
  private static int pick(int[] sites, byte[] child, byte have, byte[] other, byte mark,
      boolean equal, RandomGenerator random) {
    int count = 0;
    for (int s : sites) {
      if (child[s] == have && (other[s] == mark) == equal) {
        count++;
      }
    }
    if (count == 0) {
      if (!equal) {
        throw new IllegalStateException("no site to repair: the parents' compositions differ");
      }
      return -1;
    }
    int r = random.nextInt(count);
    for (int s : sites) {
      if (child[s] == have && (other[s] == mark) == equal && r-- == 0) {
        return s;
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
