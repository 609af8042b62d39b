package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ordex.potentials.Units;

/**
 * Which chain sits at which temperature of a ladder, and the replica-exchange step between
 * neighbouring temperatures: rounds alternate between the pairs (0,1), (2,3), … and (1,2),
 * (3,4), …; the chains at T_k &lt; T_{k+1} with thermal energies H_a, H_b swap temperatures
 * with probability min{1, exp[(β_k − β_{k+1})(H_a − H_b)]} — each half-round satisfies
 * detailed balance with respect to Π_k exp(−β_k H_{chain at k}). Keeps the acceptance per
 * pair, the round trips of the chains (lowest → highest → lowest temperature), and retunes
 * the inner temperatures for equal acceptance.
 */
final class ReplicaLadder {
  /** Exchange attempts per pair between two retunings. */
  static final int TUNE_ATTEMPTS = 50;

  private final double[] temperatures;
  private final int[] slotOf;
  private final int[] chainAt;
  private Rng rng;
  private long rounds;
  private final long[] attempts;
  private final long[] accepts;
  private final long[] tuneAttempts;
  private final long[] tuneAccepts;
  private final int[] direction;
  private final long[] tripStart;
  private long trips;
  private long tripSweeps;

  ReplicaLadder(double[] temperatures, Rng rng) {
    int k = temperatures.length;
    this.temperatures = temperatures.clone();
    this.slotOf = new int[k];
    this.chainAt = new int[k];
    for (int c = 0; c < k; c++) {
      slotOf[c] = c;
      chainAt[c] = c;
    }
    this.rng = rng;
    int pairs = Math.max(0, k - 1);
    this.attempts = new long[pairs];
    this.accepts = new long[pairs];
    this.tuneAttempts = new long[pairs];
    this.tuneAccepts = new long[pairs];
    this.direction = new int[k];
    this.tripStart = new long[k];
  }

  int size() {
    return temperatures.length;
  }

  /** Temperature of slot s. */
  double temperature(int s) {
    return temperatures[s];
  }

  /** The current ladder (copy). */
  double[] temperatures() {
    return temperatures.clone();
  }

  /** Slot (temperature index) of chain c. */
  int slotOf(int c) {
    return slotOf[c];
  }

  /** Chain at slot s. */
  int chainAt(int s) {
    return chainAt[s];
  }

  /**
   * One exchange round at {@code sweep}, given the thermal energy of every chain.
   * Acceptance is counted for production ({@code productionStart} &ge; 0 and sweep &gt; it) or
   * for tuning ({@code tuning}); round trips count when they start in production.
   */
  void exchange(double[] thermal, long sweep, long productionStart, boolean tuning) {
    boolean production = productionStart >= 0 && sweep > productionStart;
    int k = temperatures.length;
    for (int s = (int) (rounds & 1); s + 1 < k; s += 2) {
      int a = chainAt[s];
      int b = chainAt[s + 1];
      double delta = (1 / temperatures[s] - 1 / temperatures[s + 1]) / Units.KB
          * (thermal[a] - thermal[b]);
      boolean accept = delta >= 0 || rng.nextDouble() < Math.exp(delta);
      long[] tried = production ? attempts : tuning ? tuneAttempts : null;
      long[] taken = production ? accepts : tuning ? tuneAccepts : null;
      if (tried != null) {
        tried[s]++;
        taken[s] += accept ? 1 : 0;
      }
      if (accept) {
        chainAt[s] = b;
        chainAt[s + 1] = a;
        slotOf[a] = s + 1;
        slotOf[b] = s;
      }
    }
    rounds++;
    for (int c = 0; c < k; c++) {
      if (slotOf[c] == 0) {
        if (direction[c] == -1 && production && tripStart[c] > productionStart) {
          trips++;
          tripSweeps += sweep - tripStart[c];
        }
        if (direction[c] != 1) {
          direction[c] = 1;
          tripStart[c] = sweep;
        }
      } else if (slotOf[c] == k - 1 && direction[c] == 1) {
        direction[c] = -1;
      }
    }
  }

  /**
   * Moves the inner temperatures towards equal acceptance once every pair has had
   * {@link #TUNE_ATTEMPTS} attempts since the last retuning, or at once when {@code force};
   * returns whether the ladder changed.
   */
  boolean retune(boolean force) {
    boolean enough = true;
    boolean any = false;
    for (long a : tuneAttempts) {
      enough &= a >= TUNE_ATTEMPTS;
      any |= a > 0;
    }
    if (!(enough || force && any)) {
      return false;
    }
    double[] acc = new double[tuneAttempts.length];
    for (int s = 0; s < acc.length; s++) {
      acc[s] = tuneAttempts[s] == 0 ? 0.5 : (double) tuneAccepts[s] / tuneAttempts[s];
      tuneAttempts[s] = 0;
      tuneAccepts[s] = 0;
    }
    double[] t = Ladder.equalise(temperatures, acc);
    System.arraycopy(t, 0, temperatures, 0, t.length);
    return true;
  }

  /** Production exchange attempts per pair (copy). */
  long[] attempts() {
    return attempts.clone();
  }

  /** Production acceptance per pair (NaN without attempts). */
  double[] acceptance() {
    double[] a = new double[attempts.length];
    for (int s = 0; s < a.length; s++) {
      a[s] = attempts[s] == 0 ? Double.NaN : (double) accepts[s] / attempts[s];
    }
    return a;
  }

  /** Completed round trips that started in production. */
  long roundTrips() {
    return trips;
  }

  /** Mean round-trip time in sweeps (NaN when none). */
  double meanRoundTrip() {
    return trips == 0 ? Double.NaN : (double) tripSweeps / trips;
  }

  void write(DataOutput out) throws IOException {
    for (double t : temperatures) {
      out.writeDouble(t);
    }
    for (int s : slotOf) {
      out.writeInt(s);
    }
    for (long v : rng.state()) {
      out.writeLong(v);
    }
    out.writeLong(rounds);
    for (long[] a : new long[][] {attempts, accepts, tuneAttempts, tuneAccepts, tripStart}) {
      for (long v : a) {
        out.writeLong(v);
      }
    }
    for (int d : direction) {
      out.writeInt(d);
    }
    out.writeLong(trips);
    out.writeLong(tripSweeps);
  }

  /** Reads a ladder of {@code k} chains saved by {@link #write}. */
  static ReplicaLadder read(DataInput in, int k) throws IOException {
    double[] t = new double[k];
    for (int s = 0; s < k; s++) {
      t[s] = in.readDouble();
    }
    ReplicaLadder l = new ReplicaLadder(t, Rng.stream(0, 0));
    boolean[] seen = new boolean[k];
    for (int c = 0; c < k; c++) {
      int s = in.readInt();
      if (s < 0 || s >= k || seen[s]) {
        throw new IOException("bad temperature slot " + s);
      }
      seen[s] = true;
      l.slotOf[c] = s;
      l.chainAt[s] = c;
    }
    l.rng = Rng.ofState(new long[] {in.readLong(), in.readLong(), in.readLong(), in.readLong()});
    l.rounds = in.readLong();
    for (long[] a : new long[][] {l.attempts, l.accepts, l.tuneAttempts, l.tuneAccepts,
        l.tripStart}) {
      for (int i = 0; i < a.length; i++) {
        a[i] = in.readLong();
      }
    }
    for (int i = 0; i < k; i++) {
      l.direction[i] = in.readInt();
    }
    l.trips = in.readLong();
    l.tripSweeps = in.readLong();
    return l;
  }
}
