package org.ordex.sampling;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.ordex.lattice.Composition;

/**
 * Starting configurations for Monte Carlo: random occupations at a composition (spread over
 * the sublattices that allow each species) or with every site drawn uniformly from its allowed
 * species.
 */
public final class Occupations {
  private Occupations() {}

  /**
   * A random occupation at a composition: the counts are spread over the sublattices roughly in
   * proportion to their sizes (as far as the allowed species permit), then placed at random
   * inside each sublattice.
   */
  public static byte[] random(SiteLayout layout, Composition composition, Rng rng) {
    if (composition.supercell() != layout.supercell()) {
      throw new IllegalArgumentException("composition of another supercell");
    }
    int[] counts = composition.counts();
    int[][] perSublattice = split(layout, counts);
    byte[] occ = new byte[layout.sites()];
    for (int k = 0; k < layout.sublattices(); k++) {
      int[] sites = new int[layout.sublatticeSize(k)];
      int m = 0;
      for (int a = 0; a < occ.length; a++) {
        if (layout.sublatticeOf(a) == k) {
          sites[m++] = a;
        }
      }
      for (int i = sites.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = sites[i];
        sites[i] = sites[j];
        sites[j] = t;
      }
      int p = 0;
      for (int s = 0; s < counts.length; s++) {
        for (int c = 0; c < perSublattice[k][s]; c++) {
          occ[sites[p++]] = (byte) s;
        }
      }
    }
    return occ;
  }

  /** A random occupation with every site drawn uniformly from its allowed species. */
  public static byte[] random(SiteLayout layout, Rng rng) {
    byte[] occ = new byte[layout.sites()];
    for (int a = 0; a < occ.length; a++) {
      int[] allowed = layout.allowed(layout.sublatticeOf(a));
      occ[a] = (byte) allowed[rng.nextInt(allowed.length)];
    }
    return occ;
  }

  /**
   * Species counts per sublattice [k][s] with the given totals (which {@link Composition} has
   * checked to fit): a proportional first guess completed by a maximum flow from species to
   * sublattices.
   */
  private static int[][] split(SiteLayout layout, int[] counts) {
    int ns = layout.sublattices();
    int k = counts.length;
    int nodes = 2 + k + ns;
    int source = nodes - 2;
    int sink = nodes - 1;
    long[][] cap = new long[nodes][nodes];
    long[][] flow = new long[nodes][nodes];
    for (int s = 0; s < k; s++) {
      cap[source][s] = counts[s];
      for (int b = 0; b < ns; b++) {
        if (layout.allows(b, s)) {
          cap[s][k + b] = layout.sublatticeSize(b);
        }
      }
    }
    for (int b = 0; b < ns; b++) {
      cap[k + b][sink] = layout.sublatticeSize(b);
    }
    long[] room = new long[ns];
    for (int b = 0; b < ns; b++) {
      room[b] = layout.sublatticeSize(b);
    }
    for (int s = 0; s < k; s++) {
      long total = 0;
      for (int b = 0; b < ns; b++) {
        total += cap[s][k + b];
      }
      for (int b = 0; b < ns && total > 0; b++) {
        long share = Math.min(room[b], counts[s] * cap[s][k + b] / total);
        if (share > 0) {
          push(flow, source, s, share);
          push(flow, s, k + b, share);
          push(flow, k + b, sink, share);
          room[b] -= share;
        }
      }
    }
    int[] parent = new int[nodes];
    while (true) {
      Arrays.fill(parent, -1);
      parent[source] = source;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(source);
      while (!queue.isEmpty() && parent[sink] < 0) {
        int u = queue.poll();
        for (int v = 0; v < nodes; v++) {
          if (parent[v] < 0 && cap[u][v] - flow[u][v] > 0) {
            parent[v] = u;
            queue.add(v);
          }
        }
      }
      if (parent[sink] < 0) {
        break;
      }
      long bottleneck = Long.MAX_VALUE;
      for (int v = sink; v != source; v = parent[v]) {
        bottleneck = Math.min(bottleneck, cap[parent[v]][v] - flow[parent[v]][v]);
      }
      for (int v = sink; v != source; v = parent[v]) {
        push(flow, parent[v], v, bottleneck);
      }
    }
    for (int s = 0; s < k; s++) {
      if (flow[source][s] != counts[s]) {
        throw new IllegalStateException("composition does not fit the sublattices");
      }
    }
    int[][] out = new int[ns][k];
    for (int s = 0; s < k; s++) {
      for (int b = 0; b < ns; b++) {
        out[b][s] = (int) flow[s][k + b];
      }
    }
    return out;
  }

  /** Adds {@code amount} of flow along u→v (and its residual v→u). */
  private static void push(long[][] flow, int u, int v, long amount) {
    flow[u][v] += amount;
    flow[v][u] -= amount;
  }
}
