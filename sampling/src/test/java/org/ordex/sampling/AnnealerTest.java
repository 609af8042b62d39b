package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;

/** Simulated annealing and its record of the lowest configuration. */
class AnnealerTest {
  private final Supercell cell = TestSystems.spinel();
  private final SupercellEnergy model = TestSystems.spinelModel(cell).bind(cell);
  private final SiteLayout layout = SiteLayout.of(cell);
  private final Composition half = Composition.parse("Co=12", cell);
  private final AnnealingSchedule schedule = new AnnealingSchedule(2000, 5, 4000, true);

  private Annealer start(long seed) {
    byte[] init = Occupations.random(layout, half, Rng.stream(seed, 99));
    return Annealer.start(model, new Ensemble.Canonical(), schedule, init, seed);
  }

  @Test
  void findsTheExactGroundStateOfTheSpinelCell() {
    double exact = new BruteForce(model, 12, occ -> 0).lowestEnergy();
    Annealer a = start(1);
    a.advance(Long.MAX_VALUE);
    assertTrue(a.finished());
    assertEquals(exact, a.lowestEnergy(), 1e-9);
    assertEquals(a.lowestEnergy(), a.lowestThermalEnergy(), 1e-9);
    assertEquals(5, a.temperature(), 1e-9);
  }

  @Test
  void trackerReturnsTheLowestConfigurationOfAnyMoveSequence() {
    Rng rng = Rng.stream(5, 0);
    byte[] occ = new byte[30];
    for (int a = 0; a < occ.length; a++) {
      occ[a] = (byte) rng.nextInt(3);
    }
    LowestTracker tracker = new LowestTracker();
    tracker.start(occ, 10.0);
    double min = 10.0;
    byte[] best = occ.clone();
    for (int move = 0; move < 5000; move++) {
      int i = rng.nextInt(occ.length);
      double energy = 10.0 * rng.nextDouble() - move * 1e-3;
      if (rng.nextInt(2) == 0) {
        int j = rng.nextInt(occ.length);
        byte t = occ[i];
        occ[i] = occ[j];
        occ[j] = t;
        tracker.moved(i, occ[i], j, occ[j], energy);
      } else {
        occ[i] = (byte) rng.nextInt(3);
        tracker.moved(i, occ[i], -1, 0, energy);
      }
      if (energy < min) {
        min = energy;
        best = occ.clone();
      }
      if (move % 97 == 0) {
        assertArrayEquals(best, tracker.lowest());
        assertEquals(min, tracker.lowestEnergy(), 0);
      }
    }
    assertArrayEquals(best, tracker.lowest());
  }

  @Test
  void resumedAnnealingEqualsUninterrupted() throws IOException {
    Annealer whole = start(2);
    whole.advance(Long.MAX_VALUE);
    Annealer first = start(2);
    first.advance(1234);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    first.save(new DataOutputStream(bytes));
    Annealer second = Annealer.resume(model, new Ensemble.Canonical(), schedule,
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    second.advance(Long.MAX_VALUE);
    assertArrayEquals(whole.lowest(), second.lowest());
    assertEquals(whole.energy(), second.energy(), 0);
    AnnealingSchedule other = new AnnealingSchedule(2000, 5, 4001, true);
    assertThrows(InvalidInputException.class, () -> Annealer.resume(model,
        new Ensemble.Canonical(), other, new DataInputStream(new ByteArrayInputStream(
            bytes.toByteArray()))));
  }

  @Test
  void schedulesRunFromStartToEnd() {
    AnnealingSchedule lin = new AnnealingSchedule(1000, 100, 10, false);
    assertEquals(1000, lin.temperature(0), 0);
    assertEquals(100, lin.temperature(9), 1e-12);
    assertEquals(900, lin.temperature(1), 1e-12);
    AnnealingSchedule geo = new AnnealingSchedule(1000, 10, 3, true);
    assertEquals(100, geo.temperature(1), 1e-9);
    assertThrows(InvalidInputException.class, () -> new AnnealingSchedule(-1, 10, 3, true));
    assertThrows(InvalidInputException.class, () -> AnnealingSchedule.parseGeometric("cubic"));
  }
}
