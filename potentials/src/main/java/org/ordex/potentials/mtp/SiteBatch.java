package org.ordex.potentials.mtp;

import java.util.Arrays;

/**
 * The basic moments of up to {@link #capacity} sites side by side (one column per site, one
 * row per moment), contracted and turned into site energies together: every product of the
 * contraction ({@code alpha_index_times}) runs as one loop over the columns of three rows,
 * so its indices are read once for all sites and the loops over contiguous rows vectorise.
 * Per column the arithmetic is exactly {@link MtpKernel#contract} followed by
 * {@link MtpKernel#energy}, so results are bit-identical to the site-by-site path. Mutable
 * scratch space of one thread.
 */
final class SiteBatch {
  private final MtpKernel kernel;
  final int capacity;
  /** Moment rows: rows[q][c] is moment q of the site in column c. */
  private final double[][] rows;
  private final double[] energies;

  SiteBatch(MtpKernel kernel, int capacity) {
    this.kernel = kernel;
    this.capacity = capacity;
    rows = new double[kernel.momentCount][capacity];
    energies = new double[capacity];
  }

  /**
   * Puts the basic moments of {@code count} sites, site c's at {@code basic[offset[c] …]},
   * into columns 0 … count−1 (a transposition, row by row so that both sides stay in cache),
   * with {@code start[c]} (the site's repulsion energy) as the start of its energy.
   */
  void load(int count, double[] basic, int[] offset, double[] start) {
    int nb = kernel.basicCount;
    for (int q = 0; q < nb; q++) {
      double[] row = rows[q];
      for (int c = 0; c < count; c++) {
        row[c] = basic[offset[c] + q];
      }
    }
    System.arraycopy(start, 0, energies, 0, count);
  }

  /**
   * Contracts columns 0 … count−1 and returns the site energies (the array is reused; column
   * c of a central site of type {@code type[c]}).
   */
  double[] energies(int count, int[] type) {
    MtpKernel k = kernel;
    for (int q = k.basicCount; q < k.momentCount; q++) {
      Arrays.fill(rows[q], 0, count, 0);
    }
    int[] left = k.left;
    int[] right = k.right;
    int[] target = k.target;
    double[] mult = k.mult;
    for (int t = 0; t < target.length; t++) {
      double[] l = rows[left[t]];
      double[] r = rows[right[t]];
      double[] out = rows[target[t]];
      double f = mult[t];
      for (int c = 0; c < count; c++) {
        out[c] += f * l[c] * r[c];
      }
    }
    double[] e = energies;
    for (int c = 0; c < count; c++) {
      e[c] = e[c] + k.speciesCoeffs[type[c]];
    }
    int[] mapping = k.mapping;
    double[] coeff = k.momentCoeffs;
    for (int s = 0; s < mapping.length; s++) {
      double[] m = rows[mapping[s]];
      double w = coeff[s];
      for (int c = 0; c < count; c++) {
        e[c] += w * m[c];
      }
    }
    return e;
  }
}
