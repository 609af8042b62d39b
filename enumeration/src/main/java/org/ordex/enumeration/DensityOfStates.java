package org.ordex.enumeration;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ordex.potentials.Units;

/**
 * The density of states of a set of arrangements: how many arrangements (with their
 * multiplicities) fall in each energy bin, per {@link OccupancyKey} (cation distribution over
 * the sublattices), plus the moments M_m = Σ g (E − E_b)^m, m = 1…{@value #MOMENTS}, of
 * every bin around its centre E_b = b·w. These moments make the Boltzmann sums exact and not
 * tied to a temperature grid: Σ g e^{−βE} over a bin is e^{−βE_b} Σ_m (−β)^m M_m / m!, and
 * with |E − E_b| ≤ w/2 and β·w/2 ≤ 1/2 (T ≥ T_min = w/k_B) the series truncated after
 * {@value #MOMENTS} terms is accurate to 1e-21 relative. Adding one density of states to
 * another is exact for the counts and deterministic for the moments (same calls, same
 * order, same bits). Bins are stored sparsely, per key. Mutable; not thread-safe; no
 * allocation per added arrangement except when a new bin is met.
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

  /**
   * One key's bins, stored sparsely (energies may spread over far more bins than are hit):
   * slot i holds bin index {@code bin[i]}, its count and moments [i·MOMENTS + m − 1].
   */
  private static final class Row {
    final long key;
    final Long2IntOpenHashMap slotOfBin = new Long2IntOpenHashMap();
    long[] bin = new long[16];
    long[] count = new long[16];
    double[] moment = new double[16 * MOMENTS];
    int size;
    long lastBin;
    int lastSlot = -1;

    Row(long key) {
      this.key = key;
      slotOfBin.defaultReturnValue(-1);
    }

    /** The slot of bin index b, created when new. */
    int slot(long b) {
      if (b == lastBin && lastSlot >= 0) {
        return lastSlot;
      }
      int i = slotOfBin.get(b);
      if (i < 0) {
        if (size == bin.length) {
          bin = Arrays.copyOf(bin, 2 * size);
          count = Arrays.copyOf(count, 2 * size);
          moment = Arrays.copyOf(moment, 2 * size * MOMENTS);
        }
        i = size++;
        bin[i] = b;
        slotOfBin.put(b, i);
      }
      lastBin = b;
      lastSlot = i;
      return i;
    }

    /** The slots in ascending order of bin index. */
    int[] sortedSlots() {
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order,
          (x, y) -> Long.compare(bin[x], bin[y]));
      return order;
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
    return Units.KB * tMin;
  }

  public double binWidth() {
    return binWidth;
  }

  /** The lowest temperature (K) at which the sums are exact: w / k_B. */
  public double minTemperature() {
    return binWidth / Units.KB;
  }

  private Row row(long key) {
    if (last != null && key == lastKey) {
      return last;
    }
    int r = rowOfKey.get(key);
    Row row;
    if (r < 0) {
      row = new Row(key);
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
    Row row = row(key);
    int i = row.slot(b);
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
      Row row = row(o.key);
      for (int i : o.sortedSlots()) {
        int j = row.slot(o.bin[i]);
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
      for (int i = 0; i < r.size; i++) {
        n += r.count[i];
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
      for (int i : r.sortedSlots()) {
        visitor.visit(key, r.bin[i] * binWidth, r.count[i], r.moment, i * MOMENTS);
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
      out.writeLong(key);
      out.writeInt(r.size);
      for (int i : r.sortedSlots()) {
        out.writeLong(r.bin[i]);
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
      int length = in.readInt();
      if (length < 0 || dos.rowOfKey.containsKey(key)) {
        throw new IOException("corrupt density of states");
      }
      Row row = dos.row(key);
      for (int i = 0; i < length; i++) {
        int slot = row.slot(in.readLong());
        row.count[slot] = in.readLong();
        for (int k = 0; k < MOMENTS; k++) {
          row.moment[slot * MOMENTS + k] = in.readDouble();
        }
      }
    }
    return dos;
  }
}
