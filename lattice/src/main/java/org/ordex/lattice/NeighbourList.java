package org.ordex.lattice;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Every neighbour of every atom of a periodic structure within a cutoff, including periodic
 * images of the atom itself and several images of one neighbour when the cell is small compared
 * with the cutoff. Stored flat (compressed rows): the neighbours of atom i are entries
 * {@code start(i)} … {@code start(i+1)−1}. Immutable.
 */
public final class NeighbourList {
  private final int[] start;
  private final int[] neighbour;
  private final int[] image;
  private final double[] distance;
  private final double[] vector;
  private final double cutoff;

  private NeighbourList(int[] start, int[] neighbour, int[] image, double[] distance,
      double[] vector, double cutoff) {
    this.start = start;
    this.neighbour = neighbour;
    this.image = image;
    this.distance = distance;
    this.vector = vector;
    this.cutoff = cutoff;
  }

  /**
   * Builds the list of pairs with distance strictly below {@code cutoff} (Å), excluding an atom
   * paired with itself at zero distance; non-periodic directions get no images.
   */
  public static NeighbourList build(Structure s, double cutoff) {
    Lattice lattice = s.lattice();
    boolean[] pbc = s.periodic();
    int n = s.size();
    int[] range = new int[3];
    for (int k = 0; k < 3; k++) {
      double lo = 0;
      double hi = 0;
      for (int i = 0; i < n; i++) {
        double f = s.fractional(i)[k];
        lo = i == 0 ? f : Math.min(lo, f);
        hi = i == 0 ? f : Math.max(hi, f);
      }
      range[k] = pbc[k] ? (int) Math.ceil(cutoff * lattice.reciprocalLength(k) + hi - lo) : 0;
    }
    double[][] cart = new double[n][];
    for (int i = 0; i < n; i++) {
      cart[i] = s.cartesian(i);
    }
    int[] start = new int[n + 1];
    IntArrayList nb = new IntArrayList();
    IntArrayList img = new IntArrayList();
    DoubleArrayList dist = new DoubleArrayList();
    DoubleArrayList vec = new DoubleArrayList();
    double c2 = cutoff * cutoff;
    double[] shift = new double[3];
    for (int i = 0; i < n; i++) {
      start[i] = nb.size();
      for (int a = -range[0]; a <= range[0]; a++) {
        for (int b = -range[1]; b <= range[1]; b++) {
          for (int c = -range[2]; c <= range[2]; c++) {
            for (int k = 0; k < 3; k++) {
              shift[k] = a * lattice.get(0, k) + b * lattice.get(1, k) + c * lattice.get(2, k);
            }
            for (int j = 0; j < n; j++) {
              double dx = cart[j][0] + shift[0] - cart[i][0];
              double dy = cart[j][1] + shift[1] - cart[i][1];
              double dz = cart[j][2] + shift[2] - cart[i][2];
              double d2 = dx * dx + dy * dy + dz * dz;
              if (d2 < c2 && !(i == j && a == 0 && b == 0 && c == 0)) {
                nb.add(j);
                img.add(a);
                img.add(b);
                img.add(c);
                dist.add(Math.sqrt(d2));
                vec.add(dx);
                vec.add(dy);
                vec.add(dz);
              }
            }
          }
        }
      }
    }
    start[n] = nb.size();
    return new NeighbourList(start, nb.toIntArray(), img.toIntArray(), dist.toDoubleArray(),
        vec.toDoubleArray(), cutoff);
  }

  public double cutoff() {
    return cutoff;
  }

  /** Number of atoms. */
  public int atoms() {
    return start.length - 1;
  }

  /** First entry of atom i. */
  public int start(int i) {
    return start[i];
  }

  /** One past the last entry of atom i. */
  public int end(int i) {
    return start[i + 1];
  }

  /** Total number of (directed) pairs. */
  public int pairs() {
    return neighbour.length;
  }

  /** Neighbour atom of entry e. */
  public int neighbour(int e) {
    return neighbour[e];
  }

  /** Lattice image (component k = 0, 1, 2) of the neighbour of entry e. */
  public int image(int e, int k) {
    return image[3 * e + k];
  }

  public double distance(int e) {
    return distance[e];
  }

  /** Component k of the vector from the atom to its neighbour of entry e (Å). */
  public double vector(int e, int k) {
    return vector[3 * e + k];
  }
}
