package org.ordex.enumeration;

/**
 * Binomial coefficients C(n, k) for 0 ≤ k ≤ n ≤ {@code max} in a table; values that do not
 * fit in a long saturate at {@link Long#MAX_VALUE}. Immutable.
 */
final class Binomials {
  private final long[][] table;

  private Binomials(int max) {
    table = new long[max + 1][];
    for (int n = 0; n <= max; n++) {
      table[n] = new long[n + 1];
      table[n][0] = 1;
      table[n][n] = 1;
      for (int k = 1; k < n; k++) {
        long a = table[n - 1][k - 1];
        long b = table[n - 1][k];
        table[n][k] = a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
      }
    }
  }

  /** A table up to n = max. */
  static Binomials upTo(int max) {
    return new Binomials(max);
  }

  /** C(n, k); 0 when k &lt; 0 or k &gt; n. */
  long of(int n, int k) {
    return k < 0 || k > n ? 0 : table[n][k];
  }
}
