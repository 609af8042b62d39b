package org.ordex.enumeration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevolvingDoorTest {
  static final Binomials B = Binomials.upTo(40);

  /** The order from its recursive definition, as a list of ascending subsets. */
  static List<int[]> byDefinition(int n, int k) {
    List<int[]> out = new ArrayList<>();
    if (k == 0) {
      out.add(new int[0]);
      return out;
    }
    if (k == n) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      out.add(all);
      return out;
    }
    out.addAll(byDefinition(n - 1, k));
    List<int[]> tail = byDefinition(n - 1, k - 1);
    for (int i = tail.size() - 1; i >= 0; i--) {
      int[] c = Arrays.copyOf(tail.get(i), k);
      c[k - 1] = n - 1;
      out.add(c);
    }
    return out;
  }

  @Test
  void rankUnrankAndSuccessorFollowTheDefinition() {
    for (int n = 0; n <= 11; n++) {
      for (int k = 0; k <= n; k++) {
        List<int[]> order = byDefinition(n, k);
        assertEquals(B.of(n, k), order.size());
        int[] c = new int[k + 1];
        int[] walk = new int[k + 1];
        RevolvingDoor.unrank(0, n, k, walk, B);
        int[] move = new int[2];
        for (int r = 0; r < order.size(); r++) {
          RevolvingDoor.unrank(r, n, k, c, B);
          assertArrayEquals(order.get(r), Arrays.copyOf(c, k), n + " " + k + " r=" + r);
          assertEquals(n, c[k]);
          assertEquals(r, RevolvingDoor.rank(c, k, B));
          assertArrayEquals(c, walk, "successor walk at " + r);
          boolean more = RevolvingDoor.next(walk, k, move);
          assertEquals(r < order.size() - 1, more);
          if (more) {
            int[] prev = Arrays.copyOf(c, k);
            assertTrue(Arrays.binarySearch(prev, move[0]) >= 0);
            assertTrue(Arrays.binarySearch(prev, move[1]) < 0);
            int[] expected = order.get(r + 1);
            int[] moved = prev.clone();
            moved[Arrays.binarySearch(prev, move[0])] = move[1];
            Arrays.sort(moved);
            assertArrayEquals(expected, moved);
          }
        }
        assertFalse(RevolvingDoor.next(walk, k, move));
      }
    }
  }

  @Test
  void largeRanksRoundTrip() {
    int[] c = new int[21];
    long total = B.of(40, 20);
    for (long r : new long[] {0, 1, total / 3, total / 2, total - 2, total - 1}) {
      RevolvingDoor.unrank(r, 40, 20, c, B);
      assertEquals(r, RevolvingDoor.rank(c, 20, B));
    }
  }
}
