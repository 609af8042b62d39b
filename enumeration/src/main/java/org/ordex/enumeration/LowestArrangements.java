package org.ordex.enumeration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The K arrangements of lowest energy seen, ordered by (energy, rank): their energies (eV),
 * ranks and multiplicities. Merging keeps the K lowest of the union, so the result does not
 * depend on how the arrangements were split. Mutable; not thread-safe.
 */
public final class LowestArrangements {
  private final int capacity;
  private final double[] energy;
  private final long[] rank;
  private final long[] multiplicity;
  private int size;

  private LowestArrangements(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("negative capacity " + capacity);
    }
    this.capacity = capacity;
    this.energy = new double[capacity];
    this.rank = new long[capacity];
    this.multiplicity = new long[capacity];
  }

  /** Keeps the {@code k} lowest. */
  public static LowestArrangements keeping(int k) {
    return new LowestArrangements(k);
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    return size;
  }

  public double energy(int i) {
    return energy[i];
  }

  public long rank(int i) {
    return rank[i];
  }

  public long multiplicity(int i) {
    return multiplicity[i];
  }

  /** Whether an arrangement of energy e and rank r would enter the list. */
  public boolean admits(double e, long r) {
    return size < capacity
        || e < energy[size - 1] || e == energy[size - 1] && r < rank[size - 1];
  }

  /** Offers an arrangement; it is kept when it is among the K lowest so far. */
  public void offer(double e, long r, long g) {
    if (!admits(e, r)) {
      return;
    }
    int i = size < capacity ? size++ : capacity - 1;
    while (i > 0 && (energy[i - 1] > e || energy[i - 1] == e && rank[i - 1] > r)) {
      energy[i] = energy[i - 1];
      rank[i] = rank[i - 1];
      multiplicity[i] = multiplicity[i - 1];
      i--;
    }
    energy[i] = e;
    rank[i] = r;
    multiplicity[i] = g;
  }

  /** Offers every entry of {@code other}. */
  public void add(LowestArrangements other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.energy[i], other.rank[i], other.multiplicity[i]);
    }
  }

  /** Writes the list: the format {@link #read} reads. */
  public void write(DataOutput out) throws IOException {
    out.writeInt(capacity);
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeDouble(energy[i]);
      out.writeLong(rank[i]);
      out.writeLong(multiplicity[i]);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static LowestArrangements read(DataInput in) throws IOException {
    int capacity = in.readInt();
    int size = in.readInt();
    if (capacity < 0 || size < 0 || size > capacity) {
      throw new IOException("corrupt list of lowest arrangements");
    }
    LowestArrangements l = new LowestArrangements(capacity);
    for (int i = 0; i < size; i++) {
      l.offer(in.readDouble(), in.readLong(), in.readLong());
    }
    return l;
  }
}
