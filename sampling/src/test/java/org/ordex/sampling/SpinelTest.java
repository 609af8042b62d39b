package org.ordex.sampling;

import static org.ordex.sampling.IsingTest.assertWithin;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;

/**
 * The 56-atom spinel cell at Co12Mn12 with a test cluster expansion: canonical Monte Carlo and
 * replica exchange against exact enumeration of all C(24,12) = 2 704 156 arrangements —
 * energy, heat capacity and the inversion degree (fraction of 8a sites holding Mn).
 */
class SpinelTest {
  private static final Supercell CELL = TestSystems.spinel();
  private static final SupercellEnergy MODEL = TestSystems.spinelModel(CELL).bind(CELL);
  private static final SiteLayout LAYOUT = SiteLayout.of(CELL);
  private static final Composition HALF = Composition.parse("Co=12,Mn=12", CELL);
  private static BruteForce exact;

  @BeforeAll
  static void enumerate() {
    int mn = CELL.parent().speciesIndex("Mn");
    exact = new BruteForce(MODEL, 12, occ -> {
      int n = 0;
      for (int a = 0; a < occ.length; a++) {
        if (LAYOUT.sublatticeOf(a) == 0 && occ[a] == mn) {
          n++;
        }
      }
      return n / 8.0;
    });
  }

  private static void compare(List<TemperatureResult> results) {
    for (TemperatureResult r : results) {
      BruteForce.Averages a = exact.at(r.temperature(), 0);
      String at = " at " + r.temperature() + " K";
      assertWithin(a.energy(), r.energy(), "U" + at);
      assertWithin(a.heatCapacity(), r.heatCapacity(), "C" + at);
      assertWithin(a.observable(), r.observable("x(8a:Mn)"), "inversion" + at);
    }
  }

  @Test
  void canonicalAveragesMatchEnumeration() {
    SamplingSettings s = SamplingSettings.builder(new Ensemble.Canonical(),
        new double[] {250, 600, 1500}, 20_000).seed(3).build();
    try (Simulation sim = Simulation.start(MODEL, s, rng -> Occupations.random(LAYOUT, HALF,
        rng))) {
      sim.run();
      compare(sim.results());
    }
  }

  @Test
  void replicaExchangeAveragesMatchEnumeration() {
    SamplingSettings s = SamplingSettings.builder(new Ensemble.Canonical(),
        Ladder.geometric(250, 1500, 6), 12_000).replicaExchange(true).exchangeInterval(2)
        .tuneSweeps(2000).seed(4).threads(2).build();
    try (Simulation sim = Simulation.start(MODEL, s, rng -> Occupations.random(LAYOUT, HALF,
        rng))) {
      sim.run();
      compare(sim.results());
    }
  }
}
