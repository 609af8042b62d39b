package org.ordex.potentials.ce;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ordex.lattice.Supercell;

/**
 * The terms of a cluster expansion that contain each active site of a supercell, in flat
 * arrays for incremental energy changes. The energy is a sum of terms c · Π_j Θ_{n_j}(σ_j), one
 * per cluster image and equivalent decoration (c = ECI / number of equivalent decorations).
 * The terms of site i are grouped into segments of equal coefficient and equal function
 * index n_i on i; a segment lists, per term, the value slots (site · F + n − 1) of the other
 * sites, so that a flip changes the energy by c · ΔΘ_{n_i} · Σ_terms Π_others. Terms that hold
 * a site more than once (clusters wrapping around a small supercell) go, for each of their
 * sites, into "full" segments at the end of the site's block, which list all slots of the
 * term. Segment layouts depend only on the parent site, so descriptors are stored per parent
 * site and only the slots per supercell site. Also lists, per site, the sites it shares a
 * term with (sorted), to tell whether two sites interact. Coefficients are also given in
 * fixed point ({@code segFixed} = coefficient · 2^{@code fixedShift}, the shift chosen so that
 * any site's sum of |coefficient| × terms stays below 2^61), for exact integer fields.
 */
final class LocalTerms {
  final int stride;
  final int[] parentOfSite;
  final int[] segBegin;
  final int[] segEnd;
  final int[] fullBegin;
  final int[] fullOffset;
  final double[] segCoef;
  final long[] segFixed;
  final int fixedShift;
  final int[] segFn;
  final int[] segArity;
  final int[] segCount;
  final int[] othersStart;
  final int[] others;
  final int[] neighbourStart;
  final int[] neighbours;

  private record Key(int function, int fn, boolean full) {}

  private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::full)
      .thenComparingInt(Key::function).thenComparingInt(Key::fn);

  LocalTerms(SupercellClusters clusters, double[] ecis) {
    ClusterSpace space = clusters.space();
    Supercell cell = clusters.supercell();
    int np = space.parent().size();
    this.stride = space.maxFunctions();
    List<Map<Key, List<int[][]>>> byParent = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      byParent.add(new TreeMap<>(KEY_ORDER));
    }
    for (CorrelationFunction fn : space.functions()) {
      if (fn.order() == 0 || ecis[fn.index()] == 0) {
        continue;
      }
      addTerms(clusters, fn, byParent);
    }
    DoubleArrayList coef = new DoubleArrayList();
    IntArrayList fns = new IntArrayList();
    IntArrayList arity = new IntArrayList();
    IntArrayList count = new IntArrayList();
    this.segBegin = new int[np];
    this.segEnd = new int[np];
    this.fullBegin = new int[np];
    this.fullOffset = new int[np];
    for (int p = 0; p < np; p++) {
      segBegin[p] = count.size();
      fullBegin[p] = -1;
      for (Map.Entry<Key, List<int[][]>> e : byParent.get(p).entrySet()) {
        Key key = e.getKey();
        if (key.full() && fullBegin[p] < 0) {
          fullBegin[p] = count.size();
        }
        CorrelationFunction fn = space.functions().get(key.function());
        coef.add(ecis[key.function()] / fn.decorations().length);
        fns.add(key.fn());
        int points = e.getValue().get(0).length;
        arity.add(key.full() ? -points : points);
        count.add(e.getValue().size());
        if (!key.full()) {
          fullOffset[p] += points * e.getValue().size();
        }
      }
      segEnd[p] = count.size();
      if (fullBegin[p] < 0) {
        fullBegin[p] = segEnd[p];
      }
    }
    this.segCoef = coef.toDoubleArray();
    double bound = 0;
    for (int p = 0; p < np; p++) {
      double b = 0;
      for (int g = segBegin[p]; g < fullBegin[p]; g++) {
        b += Math.abs(segCoef[g]) * count.getInt(g);
      }
      bound = Math.max(bound, b);
    }
    this.fixedShift = bound == 0 ? 60 : 60 - Math.getExponent(bound);
    this.segFixed = new long[segCoef.length];
    for (int g = 0; g < segCoef.length; g++) {
      segFixed[g] = Math.round(Math.scalb(segCoef[g], fixedShift));
    }
    this.segFn = fns.toIntArray();
    this.segArity = arity.toIntArray();
    this.segCount = count.toIntArray();
    int na = cell.activeSiteCount();
    this.parentOfSite = new int[na];
    this.othersStart = new int[na + 1];
    IntArrayList slots = new IntArrayList();
    for (int a = 0; a < na; a++) {
      int site = cell.activeSite(a);
      int p = cell.parentSite(site);
      int[] t = cell.translation(site);
      parentOfSite[a] = p;
      othersStart[a] = slots.size();
      for (List<int[][]> entries : byParent.get(p).values()) {
        for (int[][] entry : entries) {
          for (int[] pt : entry) {
            int s = clusters.activeSite(pt[0], pt[1] + t[0], pt[2] + t[1], pt[3] + t[2]);
            slots.add(s * stride + pt[4] - 1);
          }
        }
      }
    }
    othersStart[na] = slots.size();
    this.others = slots.toIntArray();
    this.neighbourStart = new int[na + 1];
    IntArrayList nb = new IntArrayList();
    int[] seen = new int[na];
    java.util.Arrays.fill(seen, -1);
    for (int a = 0; a < na; a++) {
      neighbourStart[a] = nb.size();
      seen[a] = a;
      for (int o = othersStart[a]; o < othersStart[a + 1]; o++) {
        int site = others[o] / stride;
        if (seen[site] != a) {
          seen[site] = a;
          nb.add(site);
        }
      }
      java.util.Arrays.sort(nb.elements(), neighbourStart[a], nb.size());
    }
    neighbourStart[na] = nb.size();
    this.neighbours = nb.toIntArray();
  }

  /** Whether active sites i and j share a term (j ≠ i). */
  boolean interact(int i, int j) {
    return java.util.Arrays.binarySearch(neighbours, neighbourStart[i], neighbourStart[i + 1],
        j) >= 0;
  }

  /**
   * Adds the terms of one correlation function to the lists of the parent sites they contain,
   * as points {p, n1, n2, n3, function index} relative to that site in the home cell.
   */
  private static void addTerms(SupercellClusters clusters, CorrelationFunction fn,
      List<Map<Key, List<int[][]>>> byParent) {
    Orbit o = fn.orbit();
    int k = o.order();
    for (int m = 0; m < o.memberCount(); m++) {
      int[][] member = o.member(m);
      for (int j = 0; j < k; j++) {
        int[][] rel = LatticePoints.translate(member, member[j]);
        int[] a = new int[k];
        for (int l = 0; l < k; l++) {
          a[l] = clusters.activeSite(rel[l][0], rel[l][1], rel[l][2], rel[l][3]);
        }
        boolean full = false;
        boolean counted = false;
        for (int l = 0; l < k; l++) {
          for (int q = l + 1; q < k; q++) {
            full |= a[l] == a[q];
          }
          counted |= l < j && a[l] == a[j];
        }
        if (counted) {
          continue;
        }
        Map<Key, List<int[][]>> segments = byParent.get(member[j][0]);
        for (int[] nu : fn.decorations()) {
          int[][] entry = new int[full ? k : k - 1][];
          int e = 0;
          for (int l = 0; l < k; l++) {
            if (full || l != j) {
              entry[e++] = new int[] {rel[l][0], rel[l][1], rel[l][2], rel[l][3], nu[l]};
            }
          }
          Key key = new Key(fn.index(), full ? 0 : nu[j], full);
          segments.computeIfAbsent(key, x -> new ArrayList<>()).add(entry);
        }
      }
    }
  }
}
