package org.ordex.analysis;

import java.util.ArrayList;
import java.util.List;
import org.ordex.analysis.hull.LowerHull;

/**
 * The common-tangent construction on a free-energy curve f(x) given at ascending
 * compositions: the lower convex hull ({@link LowerHull}). Where a hull edge passes below points between its
 * ends, the mixture of its two end compositions has the lower free energy: they are the
 * coexisting phases of a two-phase (miscibility-gap) region.
 */
public final class CommonTangents {
  private CommonTangents() {}

  /** A two-phase region: the compositions of the coexisting phases, x1 &lt; x2. */
  public record TwoPhase(double x1, double x2) {}

  /**
   * The two-phase regions: hull edges with at least one point between their ends lying more
   * than {@code tolerance} above the edge.
   */
  public static List<TwoPhase> twoPhaseRegions(double[] x, double[] f, double tolerance) {
    for (int i = 1; i < x.length; i++) {
      if (!(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("compositions must ascend strictly");
      }
    }
    LowerHull hull = LowerHull.of(x, f);
    List<TwoPhase> regions = new ArrayList<>();
    for (int k = 0; k + 1 < hull.size(); k++) {
      int a = hull.pointIndex(k);
      int b = hull.pointIndex(k + 1);
      for (int i = a + 1; i < b; i++) {
        double chord = f[a] + (f[b] - f[a]) * (x[i] - x[a]) / (x[b] - x[a]);
        if (f[i] - chord > tolerance) {
          regions.add(new TwoPhase(x[a], x[b]));
          break;
        }
      }
    }
    return regions;
  }
}
