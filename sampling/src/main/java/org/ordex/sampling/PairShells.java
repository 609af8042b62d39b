package org.ordex.sampling;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import org.ordex.lattice.NeighbourList;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Structure;
import org.ordex.lattice.Supercell;

/**
 * The first neighbour shells between active sites of a supercell: shell m holds every
 * directed pair (i, j) of active sites at the m-th smallest distance (periodic images
 * included, so a small cell may list a pair more than once). Built from the parent cell's
 * neighbour list and the supercell's translations, in O(sites × neighbours). Immutable.
 */
final class PairShells {
  private static final double DISTANCE_TOLERANCE = 1e-3;

  private final double[] distance;
  private final int[][] from;
  private final int[][] to;

  private PairShells(double[] distance, int[][] from, int[][] to) {
    this.distance = distance;
    this.from = from;
    this.to = to;
  }

  /** The first {@code shells} shells of active-site pairs of {@code cell}. */
  static PairShells of(Supercell cell, int shells) {
    if (shells == 0) {
      return new PairShells(new double[0], new int[0][], new int[0][]);
    }
    ParentLattice parent = cell.parent();
    IntArrayList activeParent = new IntArrayList();
    for (int p = 0; p < parent.size(); p++) {
      if (parent.isActive(p)) {
        activeParent.add(p);
      }
    }
    Structure ps = parent.structure();
    double[][] f = new double[activeParent.size()][];
    String[] names = new String[f.length];
    for (int k = 0; k < f.length; k++) {
      f[k] = ps.fractional(activeParent.getInt(k));
      names[k] = "X";
    }
    Structure active = Structure.of(ps.lattice(), f, names);
    double cutoff = Math.cbrt(ps.lattice().volume() / f.length);
    NeighbourList nl;
    double[] shellDistance;
    while (true) {
      nl = NeighbourList.build(active, cutoff);
      shellDistance = distinctDistances(nl, shells);
      if (shellDistance.length == shells) {
        break;
      }
      cutoff *= 1.5;
    }
    List<IntArrayList> fromLists = new ArrayList<>();
    List<IntArrayList> toLists = new ArrayList<>();
    for (int m = 0; m < shells; m++) {
      fromLists.add(new IntArrayList());
      toLists.add(new IntArrayList());
    }
    int[] parentIndex = new int[parent.size()];
    for (int k = 0; k < activeParent.size(); k++) {
      parentIndex[activeParent.getInt(k)] = k;
    }
    int[] n = new int[3];
    for (int a = 0; a < cell.activeSiteCount(); a++) {
      int s = cell.activeSite(a);
      int k = parentIndex[cell.parentSite(s)];
      int[] t = cell.translation(s);
      for (int e = nl.start(k); e < nl.end(k); e++) {
        int m = shellOf(nl.distance(e), shellDistance);
        if (m < 0) {
          continue;
        }
        for (int c = 0; c < 3; c++) {
          n[c] = t[c] + nl.image(e, c);
        }
        int b = cell.activeIndex(cell.siteIndex(activeParent.getInt(nl.neighbour(e)), n));
        fromLists.get(m).add(a);
        toLists.get(m).add(b);
      }
    }
    int[][] from = new int[shells][];
    int[][] to = new int[shells][];
    for (int m = 0; m < shells; m++) {
      from[m] = fromLists.get(m).toIntArray();
      to[m] = toLists.get(m).toIntArray();
    }
    return new PairShells(shellDistance, from, to);
  }

  /** The smallest {@code shells} distinct distances of the list, fewer if it has fewer. */
  private static double[] distinctDistances(NeighbourList nl, int shells) {
    DoubleArrayList d = new DoubleArrayList();
    for (int e = 0; e < nl.pairs(); e++) {
      d.add(nl.distance(e));
    }
    double[] sorted = d.toDoubleArray();
    java.util.Arrays.sort(sorted);
    DoubleArrayList distinct = new DoubleArrayList();
    for (double x : sorted) {
      if (distinct.isEmpty() || x - distinct.getDouble(distinct.size() - 1) > DISTANCE_TOLERANCE) {
        distinct.add(x);
        if (distinct.size() == shells) {
          break;
        }
      }
    }
    return distinct.toDoubleArray();
  }

  private static int shellOf(double d, double[] shellDistance) {
    for (int m = 0; m < shellDistance.length; m++) {
      if (Math.abs(d - shellDistance[m]) <= DISTANCE_TOLERANCE) {
        return m;
      }
    }
    return -1;
  }

  int shells() {
    return distance.length;
  }

  /** Distance of shell m (Å). */
  double distance(int m) {
    return distance[m];
  }

  /** Number of directed pairs in shell m. */
  int pairs(int m) {
    return from[m].length;
  }

  /** Counts directed pairs of shell m by species: counts[a·K + b] += 1 for each pair (a, b). */
  void countPairs(int m, byte[] occupation, int species, long[] counts) {
    int[] fm = from[m];
    int[] tm = to[m];
    for (int p = 0; p < fm.length; p++) {
      counts[occupation[fm[p]] * species + occupation[tm[p]]]++;
    }
  }
}
