package org.ordex.lattice;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact counts of arrangements per composition on the active sites of a supercell, and of
 * symmetry-distinct arrangements by Burnside's lemma: the number of orbits is the average over
 * the group of the number of arrangements each operation fixes. An operation fixes an
 * arrangement when every cycle of its permutation carries one species, so its fixed
 * arrangements per composition are the coefficients of Π_cycles Σ_{s allowed} x_s^{length}.
 * Operations with the same cycle type are counted once. Big-integer arithmetic throughout.
 * A composition is the total count per species over all active sites (sublattices that share
 * species mix).
 */
public final class ConfigurationCounter {
  private static final int MAX_STATES = 4_000_000;

  private final Supercell cell;
  private final int[] speciesOfSlot;
  private final int[] slotOfSpecies;
  private final int[][] allowedSlots;
  private final int[] classOfSite;
  private final int n;
  private final int radix;
  private final int states;

  private ConfigurationCounter(Supercell cell) {
    this.cell = cell;
    ParentLattice parent = cell.parent();
    this.n = cell.activeSiteCount();
    List<Integer> species = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    List<int[]> classAllowed = new ArrayList<>();
    classOfSite = new int[n];
    for (int a = 0; a < n; a++) {
      int[] allowed = parent.allowed(cell.parentSite(cell.activeSite(a)));
      String key = Arrays.toString(allowed);
      int c = classes.indexOf(key);
      if (c < 0) {
        c = classes.size();
        classes.add(key);
        classAllowed.add(allowed);
        for (int s : allowed) {
          if (!species.contains(s)) {
            species.add(s);
          }
        }
      }
      classOfSite[a] = c;
    }
    speciesOfSlot = species.stream().mapToInt(Integer::intValue).toArray();
    slotOfSpecies = new int[parent.species().size()];
    Arrays.fill(slotOfSpecies, -1);
    for (int k = 0; k < speciesOfSlot.length; k++) {
      slotOfSpecies[speciesOfSlot[k]] = k;
    }
    allowedSlots = new int[classAllowed.size()][];
    for (int c = 0; c < allowedSlots.length; c++) {
      allowedSlots[c] = Arrays.stream(classAllowed.get(c)).map(s -> slotOfSpecies[s]).toArray();
    }
    radix = n + 1;
    double s = Math.pow(radix, Math.max(0, speciesOfSlot.length - 1));
    if (s > MAX_STATES) {
      throw new InvalidInputException("too many compositions to count exactly ("
          + speciesOfSlot.length + " species on " + n + " active sites)");
    }
    states = (int) s;
  }

  /** A counter for the active sites of a supercell. */
  public static ConfigurationCounter of(Supercell cell) {
    return new ConfigurationCounter(cell);
  }

  /**
   * Every composition with at least one arrangement, with its arrangement count and its
   * symmetry-distinct count, ordered by the count of the first active species, then the next.
   */
  public List<CompositionCount> count() {
    Map<String, long[]> typeCounts = new HashMap<>();
    Map<String, int[][]> typeCycles = new HashMap<>();
    boolean[] seen = new boolean[n];
    long[] groupOrder = new long[1];
    cell.forEachPermutation(perm -> {
      groupOrder[0]++;
      int[][] cycles = cycleType(perm, seen);
      String key = Arrays.deepToString(cycles);
      typeCounts.computeIfAbsent(key, k -> new long[1])[0]++;
      typeCycles.putIfAbsent(key, cycles);
    });
    BigInteger[] fixedSum = zeros();
    for (Map.Entry<String, long[]> e : typeCounts.entrySet()) {
      BigInteger[] poly = fixedArrangements(typeCycles.get(e.getKey()));
      BigInteger mult = BigInteger.valueOf(e.getValue()[0]);
      for (int i = 0; i < states; i++) {
        if (poly[i].signum() != 0) {
          fixedSum[i] = fixedSum[i].add(poly[i].multiply(mult));
        }
      }
    }
    int[][] identity = new int[allowedSlots.length][n + 1];
    for (int a = 0; a < n; a++) {
      identity[classOfSite[a]][1]++;
    }
    BigInteger[] all = fixedArrangements(identity);
    BigInteger order = BigInteger.valueOf(groupOrder[0]);
    List<CompositionCount> result = new ArrayList<>();
    for (int i = 0; i < states; i++) {
      if (all[i].signum() == 0) {
        continue;
      }
      BigInteger[] qr = fixedSum[i].divideAndRemainder(order);
      if (qr[1].signum() != 0) {
        throw new IllegalStateException("Burnside sum not divisible by the group order");
      }
      result.add(new CompositionCount(composition(i), all[i], qr[0]));
    }
    result.sort((x, y) -> Arrays.compare(slotCounts(x.counts()), slotCounts(y.counts())));
    return result;
  }

  /** cycles[class][length] = number of cycles of that length on sites of that class. */
  private int[][] cycleType(int[] perm, boolean[] seen) {
    Arrays.fill(seen, false);
    int[][] cycles = new int[allowedSlots.length][n + 1];
    for (int a = 0; a < n; a++) {
      if (seen[a]) {
        continue;
      }
      int len = 0;
      int b = a;
      while (!seen[b]) {
        seen[b] = true;
        b = perm[b];
        len++;
      }
      cycles[classOfSite[a]][len]++;
    }
    return cycles;
  }

  private BigInteger[] zeros() {
    BigInteger[] z = new BigInteger[states];
    Arrays.fill(z, BigInteger.ZERO);
    return z;
  }

  /**
   * Coefficients of Π Σ_{s} x_s^L over the cycles, indexed by the counts of all species but
   * the last (whose count is what remains).
   */
  private BigInteger[] fixedArrangements(int[][] cycles) {
    BigInteger[] poly = zeros();
    poly[0] = BigInteger.ONE;
    int last = speciesOfSlot.length - 1;
    for (int c = 0; c < cycles.length; c++) {
      for (int len = 1; len <= n; len++) {
        for (int m = 0; m < cycles[c][len]; m++) {
          BigInteger[] next = zeros();
          for (int i = 0; i < states; i++) {
            if (poly[i].signum() == 0) {
              continue;
            }
            for (int slot : allowedSlots[c]) {
              int j = slot == last ? i : shift(i, slot, len);
              if (j >= 0) {
                next[j] = next[j].add(poly[i]);
              }
            }
          }
          poly = next;
        }
      }
    }
    return poly;
  }

  /** Index after adding len to the count of slot, or −1 when it exceeds n. */
  private int shift(int index, int slot, int len) {
    int place = 1;
    for (int k = 0; k < slot; k++) {
      place *= radix;
    }
    int digit = index / place % radix;
    return digit + len > n ? -1 : index + len * place;
  }

  private int[] slotCounts(int[] counts) {
    int[] c = new int[speciesOfSlot.length];
    for (int k = 0; k < c.length; k++) {
      c[k] = counts[speciesOfSlot[k]];
    }
    return c;
  }

  /** Counts per global species of state index i. */
  private int[] composition(int index) {
    int[] counts = new int[cell.parent().species().size()];
    int rest = n;
    int i = index;
    for (int k = 0; k < speciesOfSlot.length - 1; k++) {
      int d = i % radix;
      i /= radix;
      counts[speciesOfSlot[k]] = d;
      rest -= d;
    }
    if (speciesOfSlot.length > 0) {
      counts[speciesOfSlot[speciesOfSlot.length - 1]] = rest;
    }
    return counts;
  }
}
