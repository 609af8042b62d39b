package org.ordex.sampling;

import java.util.Locale;
import org.ordex.lattice.InvalidInputException;

/**
 * A cooling schedule for simulated annealing: the temperature of sweep k (0-based) of
 * {@code sweeps} goes from {@code start} to {@code end}, linearly or geometrically
 * (T_k = T_start (T_end/T_start)^{k/(n−1)}).
 */
public record AnnealingSchedule(double start, double end, long sweeps, boolean geometric) {
  public AnnealingSchedule {
    if (!(start > 0) || !(end > 0) || Double.isInfinite(start) || Double.isInfinite(end)) {
      throw new InvalidInputException("annealing temperatures must be positive and finite, got "
          + start + " K and " + end + " K");
    }
    if (sweeps < 1) {
      throw new InvalidInputException("annealing needs at least one sweep, got " + sweeps);
    }
  }

  /** Parses {@code linear} or {@code geometric}. */
  public static boolean parseGeometric(String kind) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "geometric" -> true;
      case "linear" -> false;
      default -> throw new InvalidInputException("unknown schedule '" + kind
          + "'; expected linear or geometric");
    };
  }

  /** Temperature of sweep k. */
  public double temperature(long k) {
    if (sweeps == 1) {
      return end;
    }
    double f = (double) Math.min(k, sweeps - 1) / (sweeps - 1);
    return geometric ? start * Math.pow(end / start, f) : start + f * (end - start);
  }
}
