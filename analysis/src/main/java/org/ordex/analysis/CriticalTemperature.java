package org.ordex.analysis;

import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

/**
 * The critical temperature of a miscibility gap: the highest temperature at which a
 * two-phase region exists, bracketed on a temperature grid and refined by bisection.
 */
public final class CriticalTemperature {
  private CriticalTemperature() {}

  /**
   * The highest T at which {@code hasGap} holds: the last grid point with a gap followed by
   * one without is bisected down to {@code tolerance} K. Empty when there is no gap on the
   * grid; the grid's last temperature when the gap persists to it (T_c lies above).
   */
  public static OptionalDouble find(double[] grid, DoublePredicate hasGap, double tolerance) {
    int last = -1;
    for (int i = 0; i < grid.length; i++) {
      if (hasGap.test(grid[i])) {
        last = i;
      }
    }
    if (last < 0) {
      return OptionalDouble.empty();
    }
    if (last == grid.length - 1) {
      return OptionalDouble.of(grid[last]);
    }
    double lo = grid[last];
    double hi = grid[last + 1];
    while (hi - lo > tolerance) {
      double mid = 0.5 * (lo + hi);
      if (hasGap.test(mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return OptionalDouble.of(0.5 * (lo + hi));
  }
}
