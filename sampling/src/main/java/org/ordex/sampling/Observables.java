package org.ordex.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What is measured on a chain at every sample besides the energy: the concentration of every
 * species over the active sites ({@code c(Co)}), the fraction of each active sublattice's
 * sites holding each allowed species ({@code x(8a:Mn)}: in a spinel the inversion degree), and
 * the Warren–Cowley short-range order of the first neighbour shells,
 * α_m(A,B) = 1 − P_m(A,B)/(c_A c_B) with P_m(A,B) the fraction of shell-m pairs of active
 * sites holding A and B ({@code sro1(Co-Mn)}; 0 for a random arrangement, negative for
 * ordering, positive for clustering; set to 0 when c_A c_B = 0). Immutable; {@link #measure}
 * uses a scratch array per caller.
 */
final class Observables {
  private final SiteLayout layout;
  private final PairShells shells;
  private final int[] activeSpecies;
  private final int[] fractionSublattice;
  private final int[] fractionSpecies;
  private final int[] pairA;
  private final int[] pairB;
  private final List<String> names;

  Observables(SiteLayout layout, int sroShells) {
    this.layout = layout;
    this.shells = PairShells.of(layout.supercell(), sroShells);
    List<String> n = new ArrayList<>();
    List<String> species = layout.species();
    List<int[]> fractions = new ArrayList<>();
    for (int k = 0; k < layout.sublattices(); k++) {
      for (int s : layout.allowed(k)) {
        fractions.add(new int[] {k, s});
      }
    }
    this.activeSpecies = layout.activeSpecies();
    for (int s : activeSpecies) {
      n.add("c(" + species.get(s) + ")");
    }
    this.fractionSublattice = new int[fractions.size()];
    this.fractionSpecies = new int[fractions.size()];
    for (int f = 0; f < fractions.size(); f++) {
      fractionSublattice[f] = fractions.get(f)[0];
      fractionSpecies[f] = fractions.get(f)[1];
      n.add("x(" + layout.sublatticeLabel(fractionSublattice[f]) + ":"
          + species.get(fractionSpecies[f]) + ")");
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < activeSpecies.length; i++) {
      for (int j = i + 1; j < activeSpecies.length; j++) {
        pairs.add(new int[] {activeSpecies[i], activeSpecies[j]});
      }
    }
    this.pairA = pairs.stream().mapToInt(p -> p[0]).toArray();
    this.pairB = pairs.stream().mapToInt(p -> p[1]).toArray();
    for (int m = 0; m < shells.shells(); m++) {
      for (int p = 0; p < pairA.length; p++) {
        n.add("sro" + (m + 1) + "(" + species.get(pairA[p]) + "-" + species.get(pairB[p]) + ")");
      }
    }
    this.names = Collections.unmodifiableList(n);
  }

  /** Number of observables. */
  int size() {
    return names.size();
  }

  /** Column names, in the order of {@link #measure}. */
  List<String> names() {
    return names;
  }

  /** Distance (Å) of neighbour shell m of the short-range order. */
  double shellDistance(int m) {
    return shells.distance(m);
  }

  int shells() {
    return shells.shells();
  }

  /** A scratch array for {@link #measure}. */
  long[] scratch() {
    int k = layout.speciesCount();
    return new long[k * k];
  }

  /** Measures every observable of the chain into {@code out}. */
  void measure(Chain chain, double[] out, long[] pairCounts) {
    int n = layout.sites();
    int k = layout.speciesCount();
    int col = 0;
    for (int s : activeSpecies) {
      out[col++] = (double) chain.count(s) / n;
    }
    for (int f = 0; f < fractionSublattice.length; f++) {
      out[col++] = (double) chain.sublatticeCount(fractionSublattice[f], fractionSpecies[f])
          / layout.sublatticeSize(fractionSublattice[f]);
    }
    for (int m = 0; m < shells.shells(); m++) {
      java.util.Arrays.fill(pairCounts, 0);
      shells.countPairs(m, chain.occupationView(), k, pairCounts);
      double total = shells.pairs(m);
      for (int p = 0; p < pairA.length; p++) {
        int a = pairA[p];
        int b = pairB[p];
        double ca = (double) chain.count(a) / n;
        double cb = (double) chain.count(b) / n;
        double pab = (pairCounts[a * k + b] + pairCounts[b * k + a]) / (2 * total);
        out[col++] = ca * cb > 0 ? 1 - pab / (ca * cb) : 0;
      }
    }
  }
}
