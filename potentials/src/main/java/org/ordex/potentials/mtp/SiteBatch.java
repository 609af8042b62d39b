package org.ordex.potentials.mtp;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Random;

/**
 * The basic moments of up to {@link #capacity} sites side by side (one column per site, one
 * row per moment), contracted and turned into site energies together: every product of the
 * contraction runs as one loop over the columns of three rows, so its indices are read once
 * for all sites and the loops over contiguous rows vectorise. The products run as a
 * {@link Program} compiled from {@code alpha_index_times}. Mutable scratch space of one
 * thread.
 */
final class SiteBatch {
  private final Program program;
  final int capacity;
  /** Moment rows: rows[q][c] is moment q of the site in column c; the last row, energies. */
  private final double[][] rows;

  SiteBatch(Program program, int capacity) {
    this.program = program;
    this.capacity = capacity;
    rows = new double[program.energyRow + 1][capacity];
  }

  /**
   * Puts the basic moments of {@code count} sites, site c's in {@code basic[c]}, into
   * columns 0 … count−1 (a transposition, row by row), with {@code start[c]} (the site's
   * repulsion energy) as the start of its energy.
   */
  void load(int count, double[][] basic, double[] start) {
    for (int q = 0; q < program.basicCount; q++) {
      double[] row = rows[q];
      for (int c = 0; c < count; c++) {
        row[c] = basic[c][q];
      }
    }
    System.arraycopy(start, 0, rows[program.energyRow], 0, count);
  }

  /**
   * Contracts columns 0 … count−1 and returns the site energies (the array is reused; column
   * c of a central site of type {@code type[c]}).
   */
  double[] energies(int count, int[] type) {
    Program p = program;
    double[] e = rows[p.energyRow];
    for (int c = 0; c < count; c++) {
      e[c] = e[c] + p.speciesCoeffs[type[c]];
    }
    int[] left = p.left;
    int[] right = p.right;
    int[] target = p.target;
    double[] factor = p.factor;
    int[] width = p.width;
    for (int t = 0; t < target.length; t += width[t]) {
      double[] out = rows[target[t]];
      double[] l = rows[left[t]];
      double[] r = rows[right[t]];
      double f = factor[t];
      boolean set = p.assign[t];
      switch (width[t]) {
        case 1 -> {
          if (set) {
            for (int c = 0; c < count; c++) {
              out[c] = f * l[c] * r[c];
            }
          } else {
            for (int c = 0; c < count; c++) {
              out[c] += f * l[c] * r[c];
            }
          }
        }
        case 2 -> {
          double[] l2 = rows[left[t + 1]];
          double[] r2 = rows[right[t + 1]];
          double f2 = factor[t + 1];
          if (set) {
            for (int c = 0; c < count; c++) {
              out[c] = f * l[c] * r[c] + f2 * l2[c] * r2[c];
            }
          } else {
            for (int c = 0; c < count; c++) {
              out[c] += f * l[c] * r[c] + f2 * l2[c] * r2[c];
            }
          }
        }
        default -> {
          double[] l2 = rows[left[t + 1]];
          double[] r2 = rows[right[t + 1]];
          double f2 = factor[t + 1];
          double[] l3 = rows[left[t + 2]];
          double[] r3 = rows[right[t + 2]];
          double f3 = factor[t + 2];
          if (set) {
            for (int c = 0; c < count; c++) {
              out[c] = f * l[c] * r[c] + f2 * l2[c] * r2[c] + f3 * l3[c] * r3[c];
            }
          } else {
            for (int c = 0; c < count; c++) {
              out[c] += f * l[c] * r[c] + f2 * l2[c] * r2[c] + f3 * l3[c] * r3[c];
            }
          }
        }
      }
    }
    int[] scalar = p.scalarRows;
    double[] weight = p.scalarWeights;
    for (int s = 0; s < scalar.length; s++) {
      double[] m = rows[scalar[s]];
      double w = weight[s];
      for (int c = 0; c < count; c++) {
        e[c] += w * m[c];
      }
    }
    return e;
  }

  /**
   * The contraction and the site energy of a kernel as a list of row products
   * {@code row[target] (=|+=) factor · row[left] · row[right]}: products into a scalar moment
   * that nothing else uses go straight into the energy row with the moment's coefficient
   * folded into the factor; up to three consecutive products into one row run as one loop
   * (one pass over that row instead of three); moments that reach no energy are dropped; and
   * the first product into each row assigns instead of adding to a cleared row. Equal to
   * {@link MtpKernel#contract} and {@link MtpKernel#energy} up to round-off.
   * Immutable.
   */
  static final class Program {
    final int basicCount;
    final int energyRow;
    final int[] left;
    final int[] right;
    final int[] target;
    final double[] factor;
    /** Whether product t assigns (the first into its row) or adds. */
    final boolean[] assign;
    /**
     * Products t … t + width[t] − 1 (1 to 3, the same row, all but the first adding) run in
     * one loop; set at the first product of each such run.
     */
    final int[] width;
    final int[] scalarRows;
    final double[] scalarWeights;
    final double[] speciesCoeffs;

    /** The contraction as the kernel's potential file orders it. */
    Program(MtpKernel k) {
      this(k, weights(k), k.speciesCoeffs);
    }

    private static double[] weights(MtpKernel k) {
      double[] weight = new double[k.momentCount];
      for (int s = 0; s < k.mapping.length; s++) {
        weight[k.mapping[s]] += k.momentCoeffs[s];
      }
      return weight;
    }

    /**
     * The program with the fewest products for the basis functions of kernel k: its own, or
     * that of ordex's template of the same level ({@link MtpLevels}) when the template has
     * the same basic moments and every scalar basis function of k equals one of the
     * template's (MLIP's own templates from level 16 on build the same functions with more
     * products). Functions are matched by their values at random basic moments.
     */
    static Program cheapest(MtpKernel k, MtpPotential potential) {
      Program own = new Program(k);
      int level = potential.level();
      if (!MtpLevels.isLevel(level)) {
        return own;
      }
      MtpPotential template = MtpLevels.template(level, potential.speciesCount(),
          potential.minDist(), potential.maxDist(), potential.radialBasisSize());
      if (!Arrays.deepEquals(template.alphaIndexBasic(), potential.alphaIndexBasic())
          || template.alphaIndexTimes().length >= potential.alphaIndexTimes().length) {
        return own;
      }
      MtpKernel t = new MtpKernel(template, null, null, null);
      double[] weight = matchedWeights(k, t);
      if (weight == null) {
        return own;
      }
      Program cheaper = new Program(t, weight, k.speciesCoeffs);
      return cheaper.target.length < own.target.length ? cheaper : own;
    }

    /**
     * Weights of template t's moments such that Σ weight·moment is k's energy (less the
     * species term): each scalar basis function of k found among t's by its values at a few
     * random basic moments (equal to 1e-9 relative at all, and no other of t's within
     * 1e-6); null when one is not found or not unique.
     */
    private static double[] matchedWeights(MtpKernel k, MtpKernel t) {
      int points = 4;
      double[][] mk = new double[points][k.momentCount];
      double[][] mt = new double[points][t.momentCount];
      Random random = new Random(1);
      for (int p = 0; p < points; p++) {
        for (int i = 0; i < k.basicCount; i++) {
          mk[p][i] = mt[p][i] = random.nextDouble() * 2 - 1;
        }
        k.contract(mk[p]);
        t.contract(mt[p]);
      }
      double[] weight = new double[t.momentCount];
      for (int s = 0; s < k.mapping.length; s++) {
        int found = -1;
        for (int u : t.mapping) {
          if (close(mk, k.mapping[s], mt, u, 1e-9)) {
            if (found >= 0 && found != u) {
              return null;
            }
            found = u;
          } else if (close(mk, k.mapping[s], mt, u, 1e-6)) {
            return null;
          }
        }
        if (found < 0) {
          return null;
        }
        weight[found] += k.momentCoeffs[s];
      }
      return weight;
    }

    private static boolean close(double[][] a, int i, double[][] b, int j, double tolerance) {
      for (int p = 0; p < a.length; p++) {
        double x = a[p][i];
        double y = b[p][j];
        if (!(Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)))) {
          return false;
        }
      }
      return true;
    }

    /**
     * The contraction of kernel k into the energy Σ weight[q]·moment q + speciesCoeffs[type].
     */
    private Program(MtpKernel k, double[] weight, double[] speciesCoeffs) {
      basicCount = k.basicCount;
      energyRow = k.momentCount;
      this.speciesCoeffs = speciesCoeffs.clone();
      int n = k.momentCount;
      boolean[] needed = new boolean[n];
      for (int q = 0; q < n; q++) {
        needed[q] = weight[q] != 0;
      }
      int products = k.target.length;
      for (int t = products - 1; t >= 0; t--) {
        if (needed[k.target[t]]) {
          needed[k.left[t]] = true;
          needed[k.right[t]] = true;
        }
      }
      boolean[] factorOf = new boolean[n];
      for (int t = 0; t < products; t++) {
        if (needed[k.target[t]]) {
          factorOf[k.left[t]] = true;
          factorOf[k.right[t]] = true;
        }
      }
      int count = 0;
      for (int t = 0; t < products; t++) {
        if (needed[k.target[t]]) {
          count++;
        }
      }
      left = new int[count];
      right = new int[count];
      target = new int[count];
      factor = new double[count];
      assign = new boolean[count];
      boolean[] written = new boolean[n + 1];
      Arrays.fill(written, 0, basicCount, true);
      written[energyRow] = true;
      int u = 0;
      for (int t = 0; t < products; t++) {
        if (!needed[k.target[t]]) {
          continue;
        }
        int out = k.target[t];
        double f = k.mult[t];
        if (!factorOf[out] && out >= basicCount) {
          f *= weight[out];
          out = energyRow;
        }
        left[u] = k.left[t];
        right[u] = k.right[t];
        target[u] = out;
        factor[u] = f;
        assign[u] = !written[out];
        written[out] = true;
        u++;
      }
      width = new int[count];
      for (int t = 0; t < count; t += width[t]) {
        int w = 1;
        while (w < 3 && t + w < count && target[t + w] == target[t] && !assign[t + w]) {
          w++;
        }
        width[t] = w;
      }
      IntArrayList rows = new IntArrayList();
      DoubleArrayList weights = new DoubleArrayList();
      for (int q = 0; q < n; q++) {
        if (weight[q] != 0 && (q < basicCount || factorOf[q])) {
          rows.add(q);
          weights.add(weight[q]);
        }
      }
      scalarRows = rows.toIntArray();
      scalarWeights = weights.toDoubleArray();
    }
  }
}
