package org.ordex.lattice;

import java.util.Arrays;

/**
 * A space-group operation in fractional coordinates of a lattice: {@code x' = R x + t} with an
 * integer rotation matrix R (acting on column vectors) and a translation t in [0, 1).
 * Immutable.
 */
public final class SymmetryOperation {
  private final int[][] rotation;
  private final double[] translation;

  public SymmetryOperation(int[][] rotation, double[] translation) {
    this.rotation = new int[][] {rotation[0].clone(), rotation[1].clone(), rotation[2].clone()};
    this.translation = Matrix3.wrap(translation);
  }

  /** R (copy). */
  public int[][] rotation() {
    return new int[][] {rotation[0].clone(), rotation[1].clone(), rotation[2].clone()};
  }

  /** t (copy). */
  public double[] translation() {
    return translation.clone();
  }

  /** Image of fractional point x: R x + t (not wrapped). */
  public double[] apply(double[] x) {
    double[] y = Matrix3.multiply(rotation, x);
    for (int k = 0; k < 3; k++) {
      y[k] += translation[k];
    }
    return y;
  }

  /** Whether R is the identity. */
  public boolean isPureTranslation() {
    return rotation[0][0] == 1 && rotation[1][1] == 1 && rotation[2][2] == 1
        && rotation[0][1] == 0 && rotation[0][2] == 0 && rotation[1][0] == 0
        && rotation[1][2] == 0 && rotation[2][0] == 0 && rotation[2][1] == 0;
  }

  @Override
  public String toString() {
    return "SymmetryOperation[R=" + Arrays.deepToString(rotation) + ", t="
        + Arrays.toString(translation) + "]";
  }
}
