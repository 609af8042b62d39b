package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Automatic detection of equilibration from the energy series of one temperature: the
 * series is cut into windows of equal length, and the chain counts as equilibrated at the end
 * of the first window whose mean energy agrees with the previous window's within two combined
 * standard errors (from blocking analysis), i.e. once no drift is visible at that resolution.
 */
final class EquilibrationDetector {
  private Blocking current = new Blocking(1);
  private double previousMean = Double.NaN;
  private double previousError = Double.NaN;

  /** Adds the energy of one sweep. */
  void feed(double energy) {
    current.push(energy);
  }

  /** Closes the current window; whether it agrees with the previous one. */
  boolean closeWindow() {
    Estimate e = current.estimate(0);
    boolean agrees = !Double.isNaN(previousMean)
        && Math.abs(e.mean() - previousMean)
            <= 2 * Math.hypot(e.error(), previousError) + 1e-12 * Math.abs(e.mean());
    previousMean = e.mean();
    previousError = e.error();
    current = new Blocking(1);
    return agrees;
  }

  void write(DataOutput out) throws IOException {
    out.writeDouble(previousMean);
    out.writeDouble(previousError);
    current.write(out);
  }

  static EquilibrationDetector read(DataInput in) throws IOException {
    EquilibrationDetector d = new EquilibrationDetector();
    d.previousMean = in.readDouble();
    d.previousError = in.readDouble();
    d.current = Blocking.read(in);
    return d;
  }
}
