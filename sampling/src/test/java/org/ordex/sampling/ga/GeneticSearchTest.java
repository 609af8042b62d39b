package org.ordex.sampling.ga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

class GeneticSearchTest {
  static final Supercell SPINEL = GaFixtures.cube(GaFixtures.spinel(), 1);
  static final double J = 0.01;

  static GroundStateResult search(SupercellEnergy e, FixedComposition c, GaSettings s) {
    return GeneticSearch.run(e, c, s, status -> {});
  }

  /**
   * fcc with a nearest-neighbour antiferromagnetic pair (ECI J &gt; 0 on σσ): per primitive
   * cell E = 6 J ⟨σσ⟩_NN. L1_0 (x = ½) has ⟨σσ⟩ = −1/3, the lowest an fcc lattice allows;
   * L1_2 (x = ¼) has ⟨σσ⟩ = 0, the lowest possible at x = ¼ (no minority-minority bonds).
   */
  @Test
  void fccAntiferroPairFindsL10AndL12() {
    ParentLattice fcc = GaFixtures.fcc("Cu", "Au");
    ClusterExpansion ce = ClusterExpansion.of(ClusterSpace.of(fcc, 3.0), new double[] {0, 0, J});
    Supercell cell = GaFixtures.cube(fcc, 2);
    SupercellEnergy e = ce.bind(cell);
    byte[] l10 = new byte[32];
    byte[] l12 = new byte[32];
    for (int a = 0; a < 32; a++) {
      double[] f = fcc.structure().fractional(cell.parentSite(cell.activeSite(a)));
      l10[a] = (byte) (Math.abs(f[2]) < 1e-9 ? 0 : 1);
      l12[a] = (byte) (Math.abs(f[0]) + Math.abs(f[1]) + Math.abs(f[2]) < 1e-9 ? 1 : 0);
    }
    int primitiveCells = 32;
    assertEquals(primitiveCells * 6 * J * (-1.0 / 3), e.energy(l10), 1e-12);
    assertEquals(0, e.energy(l12), 1e-12);
    GaSettings s = GaSettings.builder().seed(7).build();
    GroundStateResult half = search(e, FixedComposition.of(Composition.parse("Cu=16", cell)), s);
    assertEquals(e.energy(l10), half.best().energy(), 1e-9);
    GroundStateResult quarter = search(e, FixedComposition.of(Composition.parse("Au=8", cell)),
        s);
    assertEquals(e.energy(l12), quarter.best().energy(), 1e-9);
    assertTrue(quarter.evaluations() > 0 && quarter.generations() > 0);
  }

  /** The 56-atom spinel with a test CE: the exact minimum at several compositions. */
  @Test
  void spinelFindsTheExactMinimum() {
    SupercellEnergy e = GaFixtures.spinelCe(3).bind(SPINEL);
    for (String comp : new String[] {"Co=4", "Co=9", "Co=12", "Co=15", "Co=20"}) {
      FixedComposition c = FixedComposition.of(Composition.parse(comp, SPINEL));
      double exact = ExactMinimum.of(e, c);
      for (long seed = 1; seed <= 2; seed++) {
        GroundStateResult r = search(e, c, GaSettings.builder().seed(seed).build());
        assertEquals(exact, r.best().energy(), 1e-9, comp + " seed " + seed);
        assertTrue(c.accepts(r.best().occupation()));
        assertEquals(e.energy(r.best().occupation()), r.best().energy(), 1e-12);
      }
    }
  }

  @Test
  void resultsAreDistinctSortedAndReproducibleForAnyThreadCount() {
    SupercellEnergy e = GaFixtures.spinelCe(4).bind(SPINEL);
    FixedComposition c = FixedComposition.of(Composition.parse("Co=10", SPINEL));
    GaSettings.Builder b = GaSettings.builder().seed(3).restarts(1).generations(40)
        .memeticTrials(500).keep(8);
    GroundStateResult one = search(e, c, b.threads(1).build());
    GroundStateResult two = search(e, c, b.threads(2).build());
    assertEquals(one.evaluations(), two.evaluations());
    assertEquals(one.generations(), two.generations());
    assertEquals(8, one.orderings().size());
    for (int i = 0; i < one.orderings().size(); i++) {
      assertArrayEquals(one.orderings().get(i).occupation(), two.orderings().get(i).occupation());
      assertEquals(one.orderings().get(i).energy(), two.orderings().get(i).energy());
      for (int j = 0; j < i; j++) {
        assertTrue(one.orderings().get(j).energy() <= one.orderings().get(i).energy());
        assertFalse(DistinctOrderings.equivalent(SPINEL.permutations(),
            one.orderings().get(j).occupation(), one.orderings().get(i).occupation()));
      }
    }
    GroundStateResult other = search(e, c, b.seed(4).threads(1).build());
    assertTrue(other.evaluations() != one.evaluations()
        || !java.util.Arrays.equals(other.orderings().get(7).occupation(),
            one.orderings().get(7).occupation()), "another seed, another run");
  }

  @Test
  void progressAndLimits() {
    SupercellEnergy e = GaFixtures.spinelCe(3).bind(SPINEL);
    FixedComposition c = FixedComposition.of(Composition.parse("Co=12", SPINEL));
    List<SearchStatus> seen = new ArrayList<>();
    GroundStateResult r = GeneticSearch.run(e, c, GaSettings.builder().generations(5)
        .restarts(2).steadyGenerations(100).build(), seen::add);
    assertEquals(10, r.generations());
    assertEquals(2, r.restarts());
    assertEquals(10, seen.size());
    assertEquals(1, seen.get(5).restart());
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i).best() <= seen.get(i - 1).best());
      assertTrue(seen.get(i).evaluations() > seen.get(i - 1).evaluations());
    }
    GroundStateResult budget = search(e, c, GaSettings.builder().maxEvaluations(500)
        .memeticTrials(0).build());
    assertTrue(budget.evaluations() >= 500 && budget.evaluations() < 500 + 2 * 64);
    assertEquals(1, budget.restarts());
    GroundStateResult timed = search(e, c, GaSettings.builder().generations(1_000_000)
        .steadyGenerations(1_000_000).timeLimit(Duration.ofMillis(300)).build());
    assertTrue(timed.elapsed().toMillis() < 5000);
  }

  @Test
  void aCompositionWithOneArrangementNeedsNoSearch() {
    SupercellEnergy e = GaFixtures.spinelCe(3).bind(SPINEL);
    FixedComposition c = FixedComposition.of(Composition.parse("Co=24", SPINEL));
    GroundStateResult r = search(e, c, GaSettings.defaults());
    assertEquals(1, r.orderings().size());
    assertEquals(1, r.evaluations());
    assertEquals(e.energy(r.best().occupation()), r.best().energy());
  }

  @Test
  void badSettingsAreBadInput() {
    assertThrows(InvalidInputException.class, () -> GaSettings.builder().population(1).build());
    assertThrows(InvalidInputException.class,
        () -> GaSettings.builder().selector("tournament:1").build());
    assertThrows(InvalidInputException.class, () -> GaSettings.builder().selector("best").build());
    assertThrows(InvalidInputException.class, () -> GaSettings.builder().mutation(1.5).build());
    assertThrows(InvalidInputException.class,
        () -> GaSettings.builder().crossoverKind("pmx").build());
    assertThrows(InvalidInputException.class, () -> GaSettings.builder().threads(0).build());
  }
}
