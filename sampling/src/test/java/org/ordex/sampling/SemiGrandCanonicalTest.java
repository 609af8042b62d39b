package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ordex.sampling.IsingTest.assertWithin;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.Units;

/**
 * Flip ensembles on the 4×4 Ising lattice against exact sums over all 2^16 states, weighted
 * by each ensemble's own weight: the semi-grand-canonical ⟨c⟩(Δμ) is the thermodynamic
 * relation between the canonical partition functions Z_n and Δμ,
 * ⟨n⟩ = Σ n Z_n e^{βΔμ n} / Σ Z_n e^{βΔμ n}.
 */
class SemiGrandCanonicalTest {
  private static final Supercell CELL = TestSystems.square(4);
  private static final SupercellEnergy MODEL = TestSystems.ising(CELL).bind(CELL);
  private static final SiteLayout LAYOUT = SiteLayout.of(CELL);
  private static final BruteForce EXACT = new BruteForce(MODEL, -1, occ -> 0);
  private static final double T = 300;

  private static List<TemperatureResult> run(Ensemble e, long seed) {
    SamplingSettings s = SamplingSettings.builder(e, new double[] {T}, 40_000)
        .equilibration(500).sroShells(0).seed(seed).build();
    try (Simulation sim = Simulation.start(MODEL, s, rng -> Occupations.random(LAYOUT, rng))) {
      sim.run();
      return sim.results();
    }
  }

  @Test
  void compositionFollowsChemicalPotentialExactlyAndMonotonically() {
    double previous = -1;
    for (double dmu : new double[] {-0.03, -0.01, 0, 0.005, 0.02}) {
      TemperatureResult r = run(new Ensemble.SemiGrandCanonical(new double[] {0, dmu}), 9)
          .get(0);
      BruteForce.Averages a = EXACT.at(T, dmu);
      Estimate c = r.observable("c(B)");
      assertWithin(a.count() / 16, c, "c(B) at dmu " + dmu);
      assertWithin(a.energy(), r.energy(), "U at dmu " + dmu);
      assertTrue(c.mean() > previous, "c(B) increases with dmu");
      previous = c.mean();
    }
  }

  /**
   * The thermodynamic relation with Monte Carlo on both sides: canonical runs at every
   * composition n give Z_{n+1}/Z_n = ⟨Σ_{i holds A} e^{−βΔE(i→B)}⟩_n / (n + 1) (Widom's
   * insertion average), hence ln Z_n up to a constant and the semi-grand-canonical
   * ⟨n⟩(Δμ) = Σ n Z_n e^{βΔμ n} / Σ Z_n e^{βΔμ n}, which the flip sampler must reproduce.
   */
  @Test
  void canonicalChemicalPotentialsPredictTheSemiGrandComposition() {
    int sites = 16;
    double beta = 1 / (Units.KB * T);
    double[] lnZ = new double[sites + 1];
    for (int n = 0; n < sites; n++) {
      int[] counts = {sites - n, n};
      byte[] occ = Occupations.random(LAYOUT, org.ordex.lattice.Composition.of(CELL, counts),
          Rng.stream(30, n));
      Chain chain = new Chain(LAYOUT, MODEL, new Ensemble.Canonical(), occ, Rng.stream(31, n), T);
      double sum = 0;
      int samples = 4000;
      for (int k = 0; k < 200 + samples; k++) {
        chain.sweep();
        if (k >= 200) {
          org.ordex.potentials.MoveEvaluator ev = MODEL.evaluator(chain.occupationView());
          for (int i = 0; i < sites; i++) {
            if (chain.species(i) == 0) {
              sum += Math.exp(-beta * ev.flipDelta(i, 1));
            }
          }
        }
      }
      lnZ[n + 1] = lnZ[n] + Math.log(sum / samples / (n + 1));
    }
    for (double dmu : new double[] {-0.02, -0.005, 0.01}) {
      double max = -Double.MAX_VALUE;
      for (int n = 0; n <= sites; n++) {
        max = Math.max(max, lnZ[n] + beta * dmu * n);
      }
      double z = 0;
      double mean = 0;
      for (int n = 0; n <= sites; n++) {
        double w = Math.exp(lnZ[n] + beta * dmu * n - max);
        z += w;
        mean += w * n;
      }
      double predicted = mean / z / sites;
      Estimate c = run(new Ensemble.SemiGrandCanonical(new double[] {0, dmu}), 12).get(0)
          .observable("c(B)");
      // the prediction itself is good to about 0.001 (checked against the exact sums below)
      assertTrue(Math.abs(predicted - c.mean()) < 4 * c.error() + 0.003, "dmu " + dmu
          + ": canonical predicts c(B) = " + predicted + ", semi-grand sampling gives " + c);
      assertEquals(EXACT.at(T, dmu).count() / sites, predicted, 0.003,
          "canonical prediction at dmu " + dmu);
    }
  }

  @Test
  void varianceConstrainedMatchesItsExactWeights() {
    double kappa = 20;
    for (double phi : new double[] {-1.5, -0.8, -0.3}) {
      Ensemble e = new Ensemble.VarianceConstrained(new double[] {Double.NaN, phi}, kappa);
      TemperatureResult r = run(e, 10).get(0);
      BruteForce.Averages a = EXACT.at(T, n -> {
        double x = n / 16.0 + phi / 2;
        return -kappa * 16 * x * x;
      });
      assertWithin(a.count() / 16, r.observable("c(B)"), "c(B) at phi " + phi);
      assertWithin(a.energy(), r.energy(), "U at phi " + phi);
    }
  }
}
