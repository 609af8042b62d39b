package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.enumeration.Kaufman;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.Units;

/** The 2D Ising model: samplers against exact finite-lattice results. */
class IsingTest {
  private static final double[] DMU_ZERO = {0, 0};

  @Test
  void kaufmanMatchesBruteForceOn4x4() {
    SupercellEnergy model = TestSystems.ising(TestSystems.square(4)).bind(TestSystems.square(4));
    BruteForce exact = new BruteForce(model, -1, occ -> 0);
    for (double t : new double[] {120, 226.9, 500}) {
      double k = TestSystems.J / (Units.KB * t);
      BruteForce.Averages a = exact.at(t, 0);
      assertEquals(a.energy() / 16 / TestSystems.J, Kaufman.energyPerSite(4, 4, k), 1e-8);
      assertEquals(a.heatCapacity() / 16 / Units.KB, Kaufman.heatCapacityPerSite(4, 4, k), 1e-5);
    }
  }

  @Test
  void semiGrandCanonicalAtZeroFieldMatchesKaufmanOn8x8() {
    Supercell cell = TestSystems.square(8);
    SupercellEnergy model = TestSystems.ising(cell).bind(cell);
    double[] temps = {150, 226.9, 320};
    SamplingSettings s = SamplingSettings.builder(new Ensemble.SemiGrandCanonical(DMU_ZERO),
        temps, 40_000).equilibration(2000).sroShells(0).seed(11).build();
    SiteLayout layout = SiteLayout.of(cell);
    try (Simulation sim = Simulation.start(model, s, rng -> Occupations.random(layout, rng))) {
      sim.run();
      List<TemperatureResult> r = sim.results();
      for (TemperatureResult res : r) {
        double k = TestSystems.J / (Units.KB * res.temperature());
        double u = Kaufman.energyPerSite(8, 8, k) * 64 * TestSystems.J;
        double c = Kaufman.heatCapacityPerSite(8, 8, k) * 64 * Units.KB;
        assertWithin(u, res.energy(), "U at " + res.temperature());
        assertWithin(c, res.heatCapacity(), "C at " + res.temperature());
      }
    }
  }

  @Test
  void canonicalMatchesEnumerationAtFixedComposition() {
    Supercell cell = TestSystems.square(4);
    SupercellEnergy model = TestSystems.ising(cell).bind(cell);
    SiteLayout layout = SiteLayout.of(cell);
    BruteForce exact = new BruteForce(model, 8, occ -> 0);
    double[] temps = {100, 200, 400};
    SamplingSettings s = SamplingSettings.builder(new Ensemble.Canonical(), temps, 40_000)
        .equilibration(1000).seed(5).build();
    int[] counts = {8, 8};
    try (Simulation sim = Simulation.start(model, s, rng -> Occupations.random(layout, Composition.of(cell, counts),
        rng))) {
      sim.run();
      for (TemperatureResult res : sim.results()) {
        BruteForce.Averages a = exact.at(res.temperature(), 0);
        assertWithin(a.energy(), res.energy(), "U at " + res.temperature());
        assertWithin(a.heatCapacity(), res.heatCapacity(), "C at " + res.temperature());
        assertEquals(0.5, res.observable("c(A)").mean(), 0);
        assertEquals(0, res.observable("c(A)").error(), 0);
      }
    }
  }

  /** |exact − estimate| within four standard errors (plus round-off). */
  static void assertWithin(double exact, Estimate e, String what) {
    assertTrue(Math.abs(exact - e.mean()) <= 4 * e.error() + 1e-9 * Math.abs(exact),
        what + ": exact " + exact + ", sampled " + e.mean() + " ± " + e.error() + " ("
            + e.blocks() + " blocks, tau " + e.tau() + ")");
  }
}
