package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Online blocking analysis (Flyvbjerg and Petersen 1989) of a vector time series, with the
 * level chosen automatically by Jonsson's M-test (PRE 98, 043304, 2018). Level k holds the
 * means of consecutive blocks of 2^k samples; for each level it keeps the count, sums,
 * products and lag-one products of the block means, so that the mean and its standard error
 * of any linear combination w·x of the components can be estimated after the fact (the heat
 * capacity needs w = (−2⟨E⟩, 1) on (E, E²)). Memory is O(d² log n); no series is stored.
 * Samples are shifted by the first one to keep sums of squares accurate.
 */
final class Blocking {
  private static final int LEVELS = 62;
  /** Standard normal quantile of 0.99, for the χ² quantile of the M-test. */
  private static final double Z99 = 2.3263478740408408;

  private final int d;
  private final double[] shift;
  private final long[] count = new long[LEVELS];
  private final double[][] sum = new double[LEVELS][];
  private final double[][] prod = new double[LEVELS][];
  private final double[][] lag = new double[LEVELS][];
  private final double[][] first = new double[LEVELS][];
  private final double[][] last = new double[LEVELS][];
  private final double[][] pending = new double[LEVELS][];
  private final boolean[] hasPending = new boolean[LEVELS];
  private final double[] scratch;

  Blocking(int dimensions) {
    this.d = dimensions;
    this.shift = new double[d];
    this.scratch = new double[d];
  }

  /** Number of samples pushed. */
  long samples() {
    return count[0];
  }

  /** Adds one sample (length = dimensions). */
  void push(double[] x) {
    if (count[0] == 0) {
      System.arraycopy(x, 0, shift, 0, d);
    }
    for (int i = 0; i < d; i++) {
      scratch[i] = x[i] - shift[i];
    }
    pushLevel(0, scratch);
  }

  /** Adds one sample of a one-dimensional series. */
  void push(double x) {
    scratch[0] = x;
    push(scratch);
  }

  private void pushLevel(int k, double[] x) {
    if (sum[k] == null) {
      sum[k] = new double[d];
      prod[k] = new double[d * d];
      lag[k] = new double[d * d];
      first[k] = new double[d];
      last[k] = new double[d];
      pending[k] = new double[d];
    }
    double[] lk = last[k];
    if (count[k] == 0) {
      System.arraycopy(x, 0, first[k], 0, d);
    } else {
      double[] g = lag[k];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          g[i * d + j] += lk[i] * x[j];
        }
      }
    }
    double[] s = sum[k];
    double[] p = prod[k];
    for (int i = 0; i < d; i++) {
      s[i] += x[i];
      for (int j = 0; j < d; j++) {
        p[i * d + j] += x[i] * x[j];
      }
    }
    System.arraycopy(x, 0, lk, 0, d);
    count[k]++;
    if (k + 1 < LEVELS) {
      double[] pk = pending[k];
      if (hasPending[k]) {
        hasPending[k] = false;
        for (int i = 0; i < d; i++) {
          pk[i] = 0.5 * (pk[i] + x[i]);
        }
        pushLevel(k + 1, pk);
      } else {
        System.arraycopy(x, 0, pk, 0, d);
        hasPending[k] = true;
      }
    }
  }

  /** The estimate of the mean of component i. */
  Estimate estimate(int i) {
    double[] w = new double[d];
    w[i] = 1;
    return estimate(w);
  }

  /** The estimate of the mean of w·x, with its standard error from the M-test level. */
  Estimate estimate(double[] w) {
    long n0 = count[0];
    if (n0 == 0) {
      return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
    double offset = dot(w, shift);
    double mean = dot(w, sum[0]) / n0;
    int levels = 0;
    while (levels < LEVELS && count[levels] >= 2) {
      levels++;
    }
    if (levels == 0) {
      return new Estimate(mean + offset, Double.NaN, Double.NaN, n0, n0);
    }
    double[] variance = new double[levels];
    double[] terms = new double[levels];
    for (int k = 0; k < levels; k++) {
      long n = count[k];
      double s = dot(w, sum[k]);
      double m = s / n;
      double v = Math.max(0, quadratic(w, prod[k]) / n - m * m);
      double gamma = (quadratic(w, lag[k]) - m * (2 * s - dot(w, first[k]) - dot(w, last[k]))
          + (n - 1) * m * m) / n;
      variance[k] = v;
      terms[k] = v > 1e-300 ? n * (gamma / v) * (gamma / v) : 0;
    }
    int chosen = levels - 1;
    double m = 0;
    for (int k = levels - 1; k >= 0; k--) {
      m += terms[k];
      terms[k] = m;
    }
    for (int k = 0; k < levels; k++) {
      if (terms[k] < chiSquare99(levels - k)) {
        chosen = k;
        break;
      }
    }
    long blocks = count[chosen];
    double error = Math.sqrt(variance[chosen] / (blocks - 1));
    double tau = variance[0] > 1e-300 ? 0.5 * error * error * n0 / (variance[0] * n0 / (n0 - 1))
        : 0.5;
    return new Estimate(mean + offset, error, tau, n0, blocks);
  }

  /** The 99% quantile of χ² with k degrees of freedom (Wilson–Hilferty). */
  static double chiSquare99(int k) {
    double a = 2.0 / (9.0 * k);
    double c = 1 - a + Z99 * Math.sqrt(a);
    return k * c * c * c;
  }

  private double dot(double[] w, double[] x) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      s += w[i] * x[i];
    }
    return s;
  }

  private double quadratic(double[] w, double[] m) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        s += w[i] * m[i * d + j] * w[j];
      }
    }
    return s;
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(d);
    for (double v : shift) {
      out.writeDouble(v);
    }
    int levels = 0;
    while (levels < LEVELS && sum[levels] != null) {
      levels++;
    }
    out.writeInt(levels);
    for (int k = 0; k < levels; k++) {
      out.writeLong(count[k]);
      out.writeBoolean(hasPending[k]);
      for (double[] a : new double[][] {sum[k], prod[k], lag[k], first[k], last[k], pending[k]}) {
        for (double v : a) {
          out.writeDouble(v);
        }
      }
    }
  }

  static Blocking read(DataInput in) throws IOException {
    int d = in.readInt();
    if (d < 1 || d > 1024) {
      throw new IOException("bad blocking dimension " + d);
    }
    Blocking b = new Blocking(d);
    for (int i = 0; i < d; i++) {
      b.shift[i] = in.readDouble();
    }
    int levels = in.readInt();
    if (levels < 0 || levels > LEVELS) {
      throw new IOException("bad blocking level count " + levels);
    }
    for (int k = 0; k < levels; k++) {
      b.count[k] = in.readLong();
      b.hasPending[k] = in.readBoolean();
      b.sum[k] = readArray(in, d);
      b.prod[k] = readArray(in, d * d);
      b.lag[k] = readArray(in, d * d);
      b.first[k] = readArray(in, d);
      b.last[k] = readArray(in, d);
      b.pending[k] = readArray(in, d);
    }
    return b;
  }

  private static double[] readArray(DataInput in, int n) throws IOException {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }
}
