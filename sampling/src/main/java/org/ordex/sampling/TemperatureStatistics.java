package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ordex.potentials.Units;

/**
 * The production samples of one temperature: blocking accumulators of the energy (with its
 * square, for the heat capacity) and of the other observables, and the move acceptance.
 */
final class TemperatureStatistics {
  private double energyReference = Double.NaN;
  private final double[] energyPair = new double[2];
  private final Blocking energy;
  private final Blocking observables;
  private long trials;
  private long accepted;

  TemperatureStatistics(int observableCount) {
    this(new Blocking(2), observableCount == 0 ? null : new Blocking(observableCount));
  }

  private TemperatureStatistics(Blocking energy, Blocking observables) {
    this.energy = energy;
    this.observables = observables;
  }

  /** Records one sample: the energy (eV per supercell) and the other observables. */
  void record(double e, double[] values) {
    if (Double.isNaN(energyReference)) {
      energyReference = e;
    }
    double x = e - energyReference;
    energyPair[0] = x;
    energyPair[1] = x * x;
    energy.push(energyPair);
    if (observables != null) {
      observables.push(values);
    }
  }

  /** Records the moves of one sweep. */
  void moves(int tried, int acceptedMoves) {
    trials += tried;
    accepted += acceptedMoves;
  }

  long samples() {
    return energy.samples();
  }

  double acceptance() {
    return trials == 0 ? Double.NaN : (double) accepted / trials;
  }

  /** Mean energy, eV per supercell. */
  Estimate energy() {
    Estimate e = energy.estimate(0);
    return new Estimate(e.mean() + energyReference, e.error(), e.tau(), e.samples(), e.blocks());
  }

  /**
   * Heat capacity C = (⟨E²⟩ − ⟨E⟩²)/(k_B T²) in eV/K per supercell, its error by the delta
   * method on the blocked means of E and E².
   */
  Estimate heatCapacity(double temperature) {
    double m1 = energy.estimate(0).mean();
    Estimate var = energy.estimate(new double[] {-2 * m1, 1});
    double v = var.mean() + m1 * m1;
    double scale = 1.0 / (Units.KB * temperature * temperature);
    return new Estimate(v * scale, var.error() * scale, var.tau(), var.samples(), var.blocks());
  }

  /** Mean of observable i. */
  Estimate observable(int i) {
    return observables.estimate(i);
  }

  void write(DataOutput out) throws IOException {
    out.writeDouble(energyReference);
    out.writeLong(trials);
    out.writeLong(accepted);
    energy.write(out);
    out.writeBoolean(observables != null);
    if (observables != null) {
      observables.write(out);
    }
  }

  static TemperatureStatistics read(DataInput in) throws IOException {
    double ref = in.readDouble();
    long trials = in.readLong();
    long accepted = in.readLong();
    Blocking e = Blocking.read(in);
    Blocking o = in.readBoolean() ? Blocking.read(in) : null;
    TemperatureStatistics t = new TemperatureStatistics(e, o);
    t.energyReference = ref;
    t.trials = trials;
    t.accepted = accepted;
    return t;
  }
}
