package org.ordex.sampling.ga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;

/** Property tests: every operator keeps the composition of every group. */
class OperatorsTest {
  static final Supercell SPINEL = GaFixtures.cube(GaFixtures.spinel(), 1);

  static List<FixedComposition> compositions() {
    int co = SPINEL.parent().speciesIndex("Co");
    int mn = SPINEL.parent().speciesIndex("Mn");
    int[][] perSub = new int[3][3];
    for (var sub : SPINEL.parent().sublattices()) {
      if (sub.label().equals("8a")) {
        perSub[sub.index()][co] = 3;
        perSub[sub.index()][mn] = 5;
      } else if (sub.label().equals("16d")) {
        perSub[sub.index()][co] = 9;
        perSub[sub.index()][mn] = 7;
      }
    }
    Supercell ternary = Supercell.diagonal(GaFixtures.fcc("Cu", "Au", "Ag"), 2, 2, 1);
    return List.of(FixedComposition.of(Composition.parse("Co=7", SPINEL)),
        FixedComposition.of(Composition.parse("Co=12", SPINEL)),
        FixedComposition.perSublattice(SPINEL, perSub, "8a-Co3_16d-Co9"),
        FixedComposition.of(Composition.parse("Cu=5,Au=7,Ag=4", ternary)));
  }

  static Phenotype<SpeciesGene, Double> individual(FixedComposition c, Random random) {
    return Phenotype.of(Genotype.of(OccupationChromosome.wrap(c, c.random(random))), 0);
  }

  static byte[] bytes(Phenotype<SpeciesGene, Double> p) {
    return ((OccupationChromosome) p.genotype().chromosome()).bytes();
  }

  @Test
  void crossoversKeepTheCompositionAndInheritWhereParentsAgree() {
    Random random = new Random(11);
    for (FixedComposition c : compositions()) {
      for (CompositionCrossover x : List.of(new SlabCrossover(c, 1), new UniformCrossover(1))) {
        RandomRegistry.using(new Random(5), r -> {
          for (int trial = 0; trial < 200; trial++) {
            MSeq<Phenotype<SpeciesGene, Double>> pop = MSeq.of(individual(c, random),
                individual(c, random));
            byte[] a = bytes(pop.get(0)).clone();
            byte[] b = bytes(pop.get(1)).clone();
            assertEquals(2, x.recombine(pop, new int[] {0, 1}, 1));
            for (int k = 0; k < 2; k++) {
              byte[] child = bytes(pop.get(k));
              assertTrue(c.accepts(child), x + " broke " + c);
              assertTrue(pop.get(k).genotype().isValid());
              for (int s = 0; s < child.length; s++) {
                if (a[s] == b[s]) {
                  assertEquals(a[s], child[s]);
                }
                if (c.groupSpecies(c.groupOf(s)).length == 2) {
                  assertTrue(child[s] == a[s] || child[s] == b[s], "binary child leaves parents");
                }
              }
            }
          }
        });
      }
    }
  }

  @Test
  void slabCrossoverTakesWholeSlabs() {
    FixedComposition c = FixedComposition.of(Composition.parse("Co=12", SPINEL));
    boolean[] mask = new boolean[24];
    new SlabCrossover(c, 1).mask(mask, new Random(3));
    int fromFirst = 0;
    for (boolean m : mask) {
      fromFirst += m ? 1 : 0;
    }
    assertTrue(fromFirst > 0 && fromFirst < 24, "a slab is a proper part of the cell");
  }

  @Test
  void swapMutationKeepsTheComposition() {
    Random random = new Random(12);
    for (FixedComposition c : compositions()) {
      SwapMutator m = new SwapMutator(c, 1);
      RandomRegistry.using(new Random(6), r -> {
        for (int trial = 0; trial < 100; trial++) {
          var result = m.alter(ISeq.of(individual(c, random)), 1);
          assertEquals(1, result.alterations());
          assertTrue(c.accepts(bytes(result.population().get(0))));
        }
      });
    }
  }

  @Test
  void oneSwapExchangesTwoDifferentSpeciesOfOneGroup() {
    Random random = new Random(13);
    for (FixedComposition c : compositions()) {
      SwapMutator m = new SwapMutator(c, 1);
      for (int trial = 0; trial < 200; trial++) {
        byte[] before = c.random(random);
        byte[] after = before.clone();
        m.swap(after, random);
        int[] changed = new int[2];
        int n = 0;
        for (int s = 0; s < before.length; s++) {
          if (before[s] != after[s]) {
            assertTrue(n < 2, "more than two sites changed");
            changed[n++] = s;
          }
        }
        assertEquals(2, n);
        assertEquals(c.groupOf(changed[0]), c.groupOf(changed[1]));
        assertEquals(before[changed[0]], after[changed[1]]);
        assertEquals(before[changed[1]], after[changed[0]]);
      }
    }
  }

  @Test
  void mutationIsANoOpWithoutMixedGroups() {
    FixedComposition c = FixedComposition.of(Composition.parse("Co=24", SPINEL));
    Phenotype<SpeciesGene, Double> p = individual(c, new Random(1));
    assertEquals(0, new SwapMutator(c, 1).alter(ISeq.of(p), 1).alterations());
  }
}
