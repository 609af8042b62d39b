package org.ordex.enumeration;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The density of states of a set of arrangements: how many arrangements (with their
 * multiplicities) fall in each energy bin, per {@link OccupancyKey} (cation distribution over
 * the sublattices), plus the moments M_m = Σ g (E − E_b)^m, m = 1…{@value #MOMENTS}, of
 * every bin around its centre E_b = b·w. These moments make the Boltzmann sums exact and not
 * tied to a temperature grid: Σ g e^{−βE} over a bin is e^{−βE_b} Σ_m (−β)^m M_m / m!, and
 * with |E − E_b| ≤ w/2 and β·w/2 ≤ 1/2 (T ≥ T_min = w/k_B) the series truncated after
 * {@value #MOMENTS} terms is accurate to 1e-21 relative. Adding one density of states to
 * another is exact for the counts and deterministic for the moments (same calls, same
 * order, same bits). Mutable; not thread-safe; no allocation per added arrangement except
 * when a row grows.
 */
public final class DensityOfStates {
  /** Number of moments kept per bin (besides the count). */
  public static final int MOMENTS = 17;

  private final double binWidth;
  private final double inverseWidth;
  private final Long2IntOpenHashMap rowOfKey = new Long2IntOpenHashMap();
  private final List<Row> rows = new ArrayList<>();
  private long lastKey;
  private Row last;

  /** One key's bins: bin index offset + i, counts and moments [i·MOMENTS + m − 1]. */
  private static final class Row {
    final long key;
    long offset;
    long[] count;
    double[] moment;

    Row(long key, long bin) {
      this.key = key;
      this.offset = bin - 8;
      this.count = new long[16];
      this.moment = new double[16 * MOMENTS];
    }

    /** Makes room for bin index b. */
    void cover(long b) {
      long lo = Math.min(offset, b);
      long hi = Math.max(offset + count.length, b + 1);
      if (lo == offset && hi == offset + count.length) {
        return;
      }
      long span = hi - lo;
      long size = Math.max(span, 2L * count.length);
      if (size > Integer.MAX_VALUE / MOMENTS) {
        throw new IllegalStateException("energies span more than " + size + " bins");
      }
      long newOffset = b < offset ? hi - size : lo;
      long[] c = new long[(int) size];
      double[] m = new double[(int) size * MOMENTS];
      int shift = (int) (offset - newOffset);
      System.arraycopy(count, 0, c, shift, count.length);
      System.arraycopy(moment, 0, m, shift * MOMENTS, moment.length);
      count = c;
      moment = m;
      offset = newOffset;
    }
  }

  private DensityOfStates(double binWidth) {
    if (!(binWidth > 0) || Double.isInfinite(binWidth)) {
      throw new IllegalArgumentException("bin width must be positive, got " + binWidth);
    }
    this.binWidth = binWidth;
    this.inverseWidth = 1 / binWidth;
    rowOfKey.defaultReturnValue(-1);
  }

  /** An empty density of states with bins of {@code binWidth} eV. */
  public static DensityOfStates withBinWidth(double binWidth) {
    return new DensityOfStates(binWidth);
  }

  /** The bin width w (eV) for exact sums down to {@code tMin} K: w = k_B T_min. */
  public static double binWidthFor(double tMin) {
    return CanonicalAverages.K_B * tMin;
  }

  public double binWidth() {
    return binWidth;
  }

  /** The lowest temperature (K) at which the sums are exact: w / k_B. */
  public double minTemperature() {
    return binWidth / CanonicalAverages.K_B;
  }

  private Row row(long key, long bin) {
    if (last != null && key == lastKey) {
      return last;
    }
    int r = rowOfKey.get(key);
    Row row;
    if (r < 0) {
      row = new Row(key, bin);
      rowOfKey.put(key, rows.size());
      rows.add(row);
    } else {
      row = rows.get(r);
    }
    lastKey = key;
    last = row;
    return row;
  }

  /** Adds an arrangement of energy e (eV) and occupancy key, standing for g arrangements. */
  public void add(double e, long key, long g) {
    if (!Double.isFinite(e)) {
      throw new IllegalStateException("energy " + e + " is not finite");
    }
    long b = Math.round(e * inverseWidth);
    double d = e - b * binWidth;
    Row row = row(key, b);
    int i = (int) (b - row.offset);
    if (i < 0 || i >= row.count.length) {
      row.cover(b);
      i = (int) (b - row.offset);
    }
    row.count[i] += g;
    double[] m = row.moment;
    int base = i * MOMENTS;
    double p = g * d;
    for (int k = 0; k < MOMENTS; k++) {
      m[base + k] += p;
      p *= d;
    }
  }

  /** Adds every bin of {@code other} (same bin width) to this one. */
  public void add(DensityOfStates other) {
    if (other.binWidth != binWidth) {
      throw new IllegalArgumentException("bin widths differ: " + binWidth + " and "
          + other.binWidth);
    }
    for (Row o : other.rows) {
      int first = 0;
      while (first < o.count.length && o.count[first] == 0) {
        first++;
      }
      if (first == o.count.length) {
        continue;
      }
      Row row = row(o.key, o.offset + first);
      for (int i = 0; i < o.count.length; i++) {
        if (o.count[i] == 0) {
          continue;
        }
        long b = o.offset + i;
        row.cover(b);
        int j = (int) (b - row.offset);
        row.count[j] += o.count[i];
        for (int k = 0; k < MOMENTS; k++) {
          row.moment[j * MOMENTS + k] += o.moment[i * MOMENTS + k];
        }
      }
    }
  }

  /** Total number of arrangements (Σ g). */
  public long total() {
    long n = 0;
    for (Row r : rows) {
      for (long c : r.count) {
        n += c;
      }
    }
    return n;
  }

  /** The occupancy keys present, ascending. */
  public long[] keys() {
    long[] k = new long[rows.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = rows.get(i).key;
    }
    Arrays.sort(k);
    return k;
  }

  /**
   * Visits every nonempty bin: key, bin centre (eV), count, and the moments (a view into the
   * internal array at {@code offset}, {@value #MOMENTS} values; read only).
   */
  public void forEachBin(BinVisitor visitor) {
    for (long key : keys()) {
      Row r = rows.get(rowOfKey.get(key));
      for (int i = 0; i < r.count.length; i++) {
        if (r.count[i] != 0) {
          visitor.visit(key, (r.offset + i) * binWidth, r.count[i], r.moment, i * MOMENTS);
        }
      }
    }
  }

  /** Receives the bins of a density of states. */
  @FunctionalInterface
  public interface BinVisitor {
    void visit(long key, double centre, long count, double[] moments, int offset);
  }

  /** Writes the nonempty bins (keys ascending): the format {@link #read} reads. */
  public void write(DataOutput out) throws IOException {
    out.writeDouble(binWidth);
    long[] keys = keys();
    out.writeInt(keys.length);
    for (long key : keys) {
      Row r = rows.get(rowOfKey.get(key));
      int lo = 0;
      int hi = r.count.length;
      while (lo < hi && r.count[lo] == 0) {
        lo++;
      }
      while (hi > lo && r.count[hi - 1] == 0) {
        hi--;
      }
      out.writeLong(key);
      out.writeLong(r.offset + lo);
      out.writeInt(hi - lo);
      for (int i = lo; i < hi; i++) {
        out.writeLong(r.count[i]);
        for (int k = 0; k < MOMENTS; k++) {
          out.writeDouble(r.moment[i * MOMENTS + k]);
        }
      }
    }
  }

  /** Reads what {@link #write} wrote. */
  public static DensityOfStates read(DataInput in) throws IOException {
    DensityOfStates dos = new DensityOfStates(in.readDouble());
    int rowCount = in.readInt();
    for (int r = 0; r < rowCount; r++) {
      long key = in.readLong();
      long offset = in.readLong();
      int length = in.readInt();
      if (length < 0) {
        throw new IOException("corrupt density of states: negative row length");
      }
      Row row = new Row(key, offset);
      row.offset = offset;
      row.count = new long[Math.max(1, length)];
      row.moment = new double[Math.max(1, length) * MOMENTS];
      for (int i = 0; i < length; i++) {
        row.count[i] = in.readLong();
        for (int k = 0; k < MOMENTS; k++) {
          row.moment[i * MOMENTS + k] = in.readDouble();
        }
      }
      dos.rowOfKey.put(key, dos.rows.size());
      dos.rows.add(row);
    }
    return dos;
  }
}
