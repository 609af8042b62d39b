package org.ordex.enumeration;

/**
 * The revolving-door order of the k-subsets of {0, …, n−1} (Knuth, TAOCP 7.2.1.3, Algorithm
 * R): consecutive subsets differ by one element leaving and one entering, so an arrangement
 * changes by a single swap. It is defined recursively as all k-subsets of {0, …, n−2}
 * followed by the (k−1)-subsets of {0, …, n−2} in reverse order, each with n−1 added; hence
 * the rank of c₁ &lt; … &lt; c_k is R_k = C(c_k+1, k) − 1 − R_{k−1}, R₀ = 0. Subsets are
 * ascending int arrays of length k + 1 whose last entry is the sentinel n.
 */
final class RevolvingDoor {
  private RevolvingDoor() {}

  /** Rank of the ascending subset c[0..k−1]. */
  static long rank(int[] c, int k, Binomials b) {
    long r = 0;
    for (int i = 0; i < k; i++) {
      r = b.of(c[i] + 1, i + 1) - 1 - r;
    }
    return r;
  }

  /** The subset of rank r among the k-subsets of n, into c (c[k] = n, the sentinel). */
  static void unrank(long r, int n, int k, int[] c, Binomials b) {
    c[k] = n;
    long rest = r;
    int top = n - 1;
    for (int i = k; i >= 1; i--) {
      while (b.of(top, i) > rest) {
        top--;
      }
      c[i - 1] = top;
      rest = b.of(top + 1, i) - 1 - rest;
      top--;
    }
  }

  /**
   * Steps the subset c (size k, sentinel c[k] = n) to its successor and stores the element
   * that left in move[0] and the one that entered in move[1]; false (c unchanged) when c was
   * the last subset.
   */
  static boolean next(int[] c, int k, int[] move) {
    if (k == 0) {
      return false;
    }
    int j;
    if ((k & 1) == 1) {
      if (c[0] + 1 < c[1]) {
        move[0] = c[0];
        move[1] = ++c[0];
        return true;
      }
      j = 2;
    } else {
      if (c[0] > 0) {
        move[0] = c[0];
        move[1] = --c[0];
        return true;
      }
      j = 2;
      if (increase(c, j, move)) {
        return true;
      }
      j++;
    }
    while (j <= k) {
      // R4: here c_j = c_{j−1} + 1; try to decrease c_j
      if (c[j - 1] >= j) {
        move[0] = c[j - 1];
        move[1] = j - 2;
        c[j - 1] = c[j - 2];
        c[j - 2] = j - 2;
        return true;
      }
      j++;
      if (j > k) {
        return false;
      }
      if (increase(c, j, move)) {
        return true;
      }
      j++;
    }
    return false;
  }

  /** Knuth's step R5 (1-based j): here c_{j−1} = j − 2; try to increase c_j. */
  private static boolean increase(int[] c, int j, int[] move) {
    if (c[j - 1] + 1 < c[j]) {
      move[0] = j - 2;
      move[1] = c[j - 1] + 1;
      c[j - 2] = c[j - 1];
      c[j - 1]++;
      return true;
    }
    return false;
  }
}
