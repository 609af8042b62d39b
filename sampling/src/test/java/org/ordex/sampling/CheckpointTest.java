package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;

/** Reproducibility: seeds, thread counts, and resuming from a checkpoint. */
class CheckpointTest {
  private final Supercell cell = TestSystems.spinel();
  private final SupercellEnergy model = TestSystems.spinelModel(cell).bind(cell);
  private final SiteLayout layout = SiteLayout.of(cell);
  private final Composition half = Composition.parse("Co=12", cell);

  private SamplingSettings.Builder canonical(double... temps) {
    return SamplingSettings.builder(new Ensemble.Canonical(), temps, 3000).seed(77)
        .snapshotInterval(500);
  }

  private Simulation start(SamplingSettings s) {
    return Simulation.start(model, s, rng -> Occupations.random(layout, half, rng));
  }

  /** Everything a run reports, as text, to compare runs exactly. */
  private static String fingerprint(Simulation sim) {
    StringBuilder b = new StringBuilder();
    for (TemperatureResult r : sim.results()) {
      b.append(r).append('\n');
    }
    ExchangeResult x = sim.exchange();
    if (x != null) {
      b.append(Arrays.toString(x.temperatures())).append(Arrays.toString(x.acceptance()))
          .append(x.roundTrips()).append(' ').append(x.meanRoundTripSweeps());
    }
    return b.toString();
  }

  private static String snapshots(List<Snapshot> list) {
    StringBuilder b = new StringBuilder();
    for (Snapshot s : list) {
      b.append(s.temperatureIndex()).append(' ').append(s.sweep()).append(' ').append(s.energy())
          .append(Arrays.toString(s.occupation())).append('\n');
    }
    return b.toString();
  }

  private static byte[] save(Simulation sim) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sim.save(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private String runResumed(SamplingSettings s, int roundsBeforeKill, StringBuilder snaps)
      throws IOException {
    byte[] state;
    try (Simulation first = start(s)) {
      for (int r = 0; r < roundsBeforeKill && !first.finished(); r++) {
        first.round();
        snaps.append(snapshots(first.drainSnapshots()));
      }
      state = save(first);
    }
    try (Simulation second = Simulation.resume(model, s,
        new DataInputStream(new ByteArrayInputStream(state)))) {
      while (!second.finished()) {
        second.round();
        snaps.append(snapshots(second.drainSnapshots()));
      }
      return fingerprint(second);
    }
  }

  private String runThrough(SamplingSettings s, StringBuilder snaps) {
    try (Simulation sim = start(s)) {
      while (!sim.finished()) {
        sim.round();
        snaps.append(snapshots(sim.drainSnapshots()));
      }
      return fingerprint(sim);
    }
  }

  @Test
  void resumedIndependentRunsEqualUninterruptedOnes() throws IOException {
    SamplingSettings s = canonical(400, 800).build();
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    String whole = runThrough(s, a);
    assertEquals(whole, runResumed(s, 3, b));
    assertEquals(a.toString(), b.toString());
  }

  @Test
  void resumedReplicaExchangeWithTuningEqualsUninterrupted() throws IOException {
    SamplingSettings s = canonical(300, 500, 800, 1200).replicaExchange(true).exchangeInterval(5)
        .tuneSweeps(500).build();
    StringBuilder a = new StringBuilder();
    String whole = runThrough(s, a);
    for (int kill : new int[] {1, 60, 250, 500}) {
      StringBuilder b = new StringBuilder();
      assertEquals(whole, runResumed(s, kill, b), "killed after round " + kill);
      assertEquals(a.toString(), b.toString());
    }
  }

  @Test
  void resultsDoNotDependOnThreads() {
    SamplingSettings s = canonical(300, 500, 800, 1200).replicaExchange(true).build();
    String one = runThrough(s, new StringBuilder());
    assertEquals(one, runThrough(s.withThreads(2), new StringBuilder()));
    SamplingSettings ind = canonical(300, 900).build();
    assertEquals(runThrough(ind, new StringBuilder()),
        runThrough(ind.withThreads(2), new StringBuilder()));
  }

  @Test
  void seedsChangeTrajectories() {
    String a = runThrough(canonical(500).build(), new StringBuilder());
    String b = runThrough(canonical(500).seed(78).build(), new StringBuilder());
    assertEquals(false, a.equals(b));
  }

  @Test
  void checkpointOfAnotherRunIsRefused() throws IOException {
    byte[] state;
    try (Simulation sim = start(canonical(400).build())) {
      sim.round();
      state = save(sim);
    }
    SamplingSettings other = canonical(450).build();
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Simulation.resume(model, other, new DataInputStream(new ByteArrayInputStream(
            state))));
    assertEquals(true, e.getMessage().contains("other settings"));
    byte[] cut = Arrays.copyOf(state, state.length / 2);
    assertThrows(InvalidInputException.class, () -> Simulation.resume(model,
        canonical(400).build(), new DataInputStream(new ByteArrayInputStream(cut))));
  }
}
