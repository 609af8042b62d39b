package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ordex.potentials.Units;

/** The exchange step alone, with frozen replica energies. */
class ReplicaLadderTest {
  /**
   * Detailed balance: with three replicas of fixed energies on a three-temperature ladder, the
   * exchange step alone must visit each of the 3! assignments with probability proportional
   * to exp(−Σ_k β_k E_{chain at k}).
   */
  @Test
  void exchangesSampleTheJointBoltzmannDistribution() {
    double[] t = {300, 450, 700};
    double[] energy = {0.00, 0.03, 0.07};
    ReplicaLadder ladder = new ReplicaLadder(t, Rng.stream(21, 0));
    int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    double[] weight = new double[6];
    double z = 0;
    for (int p = 0; p < 6; p++) {
      double e = 0;
      for (int s = 0; s < 3; s++) {
        e += energy[perms[p][s]] / (Units.KB * t[s]);
      }
      weight[p] = Math.exp(-e);
      z += weight[p];
    }
    int rounds = 600_000;
    int[] visits = new int[6];
    for (int r = 0; r < rounds; r++) {
      ladder.exchange(energy, r + 1, -1, false);
      for (int p = 0; p < 6; p++) {
        if (ladder.chainAt(0) == perms[p][0] && ladder.chainAt(1) == perms[p][1]) {
          visits[p]++;
        }
      }
    }
    for (int p = 0; p < 6; p++) {
      double expected = weight[p] / z;
      double observed = (double) visits[p] / rounds;
      assertEquals(expected, observed, 0.01 + 0.03 * expected, "assignment " + p);
    }
  }

  @Test
  void roundTripsAndAcceptanceAreCounted() {
    double[] t = {300, 310, 320};
    ReplicaLadder ladder = new ReplicaLadder(t, Rng.stream(1, 0));
    double[] energy = {0, 0, 0};
    for (int r = 1; r <= 1000; r++) {
      ladder.exchange(energy, r, 0, false);
    }
    assertEquals(1.0, ladder.acceptance()[0], 0);
    assertEquals(500, ladder.attempts()[0]);
    assertTrue(ladder.roundTrips() > 100);
    assertEquals(6.0, ladder.meanRoundTrip(), 1e-9);
  }

  @Test
  void retuningEqualisesAcceptance() {
    double[] t = Ladder.geometric(100, 1000, 5);
    double[] acc = {0.9, 0.8, 0.2, 0.05};
    double[] tuned = t;
    for (int i = 0; i < 40; i++) {
      tuned = Ladder.equalise(tuned, acc);
    }
    assertEquals(100, tuned[0], 0);
    assertEquals(1000, tuned[4], 0);
    for (int k = 0; k + 1 < 5; k++) {
      assertTrue(tuned[k + 1] > tuned[k]);
    }
    // the gaps of the badly accepted upper pairs shrink, those of the lower pairs grow
    assertTrue(tuned[1] - tuned[0] > t[1] - t[0]);
    assertTrue(1 / tuned[3] - 1 / tuned[4] < 1 / t[3] - 1 / t[4]);
  }
}
