package org.ordex.potentials.mtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ordex.lattice.InvalidInputException;

/**
 * The untrained MTP of a level, generated from the level definition. A moment tensor
 * M_{μ,ν} = Σ_j f_μ(r_j) r̂_j^{⊗ν} has level 2 + 4μ + ν; a scalar basis function is a
 * complete contraction of a product of at most four moment tensors (a loopless multigraph:
 * one vertex of degree ν per tensor, one edge per contracted index pair; disconnected graphs
 * are products of scalars), and its level is the sum of its tensors' levels. The basis of
 * level N holds every such contraction of level ≤ N, one per isomorphism class, with μ ≤ 5
 * and ν ≤ 10 — exactly the sets of MLIP-2's shipped templates 02.mtp … 28.mtp (only the
 * numbering of the intermediate moments differs).
 *
 * <p>Tensors are stored as MLIP stores them: a basic moment per component {μ, a, b, c}
 * (x^a y^b z^c, components in descending lexicographic order), and every intermediate
 * tensor as its components over groups of symmetric indices (the free indices left of each
 * factor), each component a sum of products of two earlier moments with integer
 * multiplicities ({@code alpha_index_times}).
 */
public final class MtpLevels {
  /** The lowest level (the basis {M_{0,0}}). */
  public static final int MIN_LEVEL = 2;
  /** The highest level MLIP ships a template for. */
  public static final int MAX_LEVEL = 28;
  static final int MAX_FACTORS = 4;
  static final int MAX_MU = 5;
  static final int MAX_RANK = 10;

  private MtpLevels() {}

  /** Whether {@code level} is a level this class generates: even, 2 … 28. */
  public static boolean isLevel(int level) {
    return level >= MIN_LEVEL && level <= MAX_LEVEL && level % 2 == 0;
  }

  /**
   * The untrained template of a level for {@code speciesCount} species, RBChebyshev radial
   * basis of {@code radialBasisSize} functions on [minDist, maxDist].
   */
  public static MtpPotential template(int level, int speciesCount, double minDist,
      double maxDist, int radialBasisSize) {
    if (!isLevel(level)) {
      throw new InvalidInputException("unknown MTP level " + level + "; expected an even "
          + "level from " + MIN_LEVEL + " to " + MAX_LEVEL + " (every scalar basis function "
          + "has an even level)");
    }
    if (speciesCount < 1) {
      throw new InvalidInputException("at least one species is needed");
    }
    if (!(minDist >= 0 && maxDist > minDist)) {
      throw new InvalidInputException("expected 0 ≤ min-dist < max-dist, found " + minDist
          + " and " + maxDist);
    }
    if (radialBasisSize < 2) {
      throw new InvalidInputException("the radial basis needs at least 2 functions, found "
          + radialBasisSize);
    }
    return new Generator(level).template(speciesCount, minDist, maxDist, radialBasisSize);
  }

  /** The level of the tensor M_{μ,ν}. */
  static int level(int mu, int nu) {
    return 2 + 4 * mu + nu;
  }

  /**
   * Every scalar basis function of level ≤ N: the multiset of tensors (labels μ·64 + ν,
   * ascending) and the edge multiplicities of the graph over the vertex pairs (0,1), (0,2),
   * …, in canonical form.
   */
  record Contraction(int[] labels, int[] edges) {
    int level() {
      int l = 0;
      for (int x : labels) {
        l += MtpLevels.level(x / 64, x % 64);
      }
      return l;
    }
  }

  /** The contractions of level ≤ N, ordered by level, labels and edges. */
  static List<Contraction> contractions(int level) {
    List<Integer> labels = new ArrayList<>();
    for (int mu = 0; mu <= MAX_MU; mu++) {
      for (int nu = 0; nu <= MAX_RANK; nu++) {
        if (level(mu, nu) <= level) {
          labels.add(mu * 64 + nu);
        }
      }
    }
    List<Contraction> out = new ArrayList<>();
    multisets(labels, 0, new int[MAX_FACTORS], 0, level, out);
    out.sort((a, b) -> {
      int c = Integer.compare(a.level(), b.level());
      if (c == 0) {
        c = Arrays.compare(a.labels, b.labels);
      }
      return c != 0 ? c : Arrays.compare(a.edges, b.edges);
    });
    return out;
  }

  private static void multisets(List<Integer> labels, int from, int[] chosen, int size,
      int budget, List<Contraction> out) {
    if (size > 0) {
      int[] ls = Arrays.copyOf(chosen, size);
      for (int[] e : graphs(ls)) {
        out.add(new Contraction(ls, e));
      }
    }
    if (size == MAX_FACTORS) {
      return;
    }
    for (int i = from; i < labels.size(); i++) {
      int x = labels.get(i);
      int l = level(x / 64, x % 64);
      if (l <= budget) {
        chosen[size] = x;
        multisets(labels, i, chosen, size + 1, budget - l, out);
      }
    }
  }

  /** Vertex pairs (i, j), i &lt; j, of n vertices in order. */
  static int[][] pairs(int n) {
    int[][] p = new int[n * (n - 1) / 2][];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        p[k++] = new int[] {i, j};
      }
    }
    return p;
  }

  /**
   * The loopless multigraphs with vertex degrees ν of the labels, one per isomorphism class
   * (permutations that keep the labels), each as its lexicographically smallest edge vector.
   */
  static List<int[]> graphs(int[] labels) {
    int n = labels.length;
    int[][] pairs = pairs(n);
    int[][] index = new int[n][n];
    for (int k = 0; k < pairs.length; k++) {
      index[pairs[k][0]][pairs[k][1]] = k;
      index[pairs[k][1]][pairs[k][0]] = k;
    }
    List<int[]> perms = new ArrayList<>();
    permutations(labels, new int[n], new boolean[n], 0, perms);
    TreeSet<int[]> found = new TreeSet<>(Arrays::compare);
    int[] rem = new int[n];
    for (int i = 0; i < n; i++) {
      rem[i] = labels[i] % 64;
    }
    assign(pairs, 0, rem, new int[pairs.length], e -> {
      int[] best = null;
      for (int[] p : perms) {
        int[] img = new int[e.length];
        for (int k = 0; k < pairs.length; k++) {
          img[k] = e[index[p[pairs[k][0]]][p[pairs[k][1]]]];
        }
        if (best == null || Arrays.compare(img, best) < 0) {
          best = img;
        }
      }
      found.add(best);
    });
    return new ArrayList<>(found);
  }

  private static void permutations(int[] labels, int[] p, boolean[] used, int k,
      List<int[]> out) {
    if (k == labels.length) {
      out.add(p.clone());
      return;
    }
    for (int i = 0; i < labels.length; i++) {
      if (!used[i] && labels[i] == labels[k]) {
        used[i] = true;
        p[k] = i;
        permutations(labels, p, used, k + 1, out);
        used[i] = false;
      }
    }
  }

  private static void assign(int[][] pairs, int k, int[] rem, int[] e,
      java.util.function.Consumer<int[]> sink) {
    if (k == pairs.length) {
      for (int r : rem) {
        if (r != 0) {
          return;
        }
      }
      sink.accept(e.clone());
      return;
    }
    int i = pairs[k][0];
    int j = pairs[k][1];
    for (int m = 0; m <= Math.min(rem[i], rem[j]); m++) {
      rem[i] -= m;
      rem[j] -= m;
      e[k] = m;
      assign(pairs, k + 1, rem, e, sink);
      rem[i] += m;
      rem[j] += m;
    }
    e[k] = 0;
  }

  // ---------------------------------------------------------------- symmetric components

  /** Components (a, b, c) with a + b + c = s in descending lexicographic order. */
  static int[][] compositions(int s) {
    int[][] out = new int[(s + 1) * (s + 2) / 2][];
    int k = 0;
    for (int a = s; a >= 0; a--) {
      for (int b = s - a; b >= 0; b--) {
        out[k++] = new int[] {a, b, s - a - b};
      }
    }
    return out;
  }

  /** Position of (a, b, c) among {@link #compositions(int)} of a + b + c. */
  static int compositionIndex(int a, int b, int c) {
    int s = a + b + c;
    int before = 0;
    for (int x = s; x > a; x--) {
      before += s - x + 1;
    }
    return before + (s - a - b);
  }

  private static long multinomial(int[] abc) {
    return factorial(abc[0] + abc[1] + abc[2])
        / (factorial(abc[0]) * factorial(abc[1]) * factorial(abc[2]));
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  /**
   * A tensor among the moments: its components are moments first … first + size − 1, over
   * groups of symmetric free indices (no group for a scalar), first group slowest.
   */
  private record Tensor(int first, int[] groups) {
    int size() {
      int n = 1;
      for (int g : groups) {
        n *= (g + 1) * (g + 2) / 2;
      }
      return n;
    }

    /** The moment of the component with the given composition per group. */
    int moment(int[][] parts) {
      int idx = 0;
      for (int g = 0; g < groups.length; g++) {
        idx = idx * ((groups[g] + 1) * (groups[g] + 2) / 2)
            + compositionIndex(parts[g][0], parts[g][1], parts[g][2]);
      }
      return first + idx;
    }
  }

  /** Builds the moments of one level: basic tensors, then contractions in creation order. */
  private static final class Generator {
    private final List<Contraction> contractions;
    private final Map<Integer, Tensor> basicTensors = new TreeMap<>();
    private final List<int[]> basic = new ArrayList<>();
    private final List<int[]> times = new ArrayList<>();
    private final Map<String, Tensor> made = new HashMap<>();
    private int momentCount;
    private int radialFuncs;

    Generator(int level) {
      contractions = contractions(level);
      for (Contraction c : contractions) {
        for (int x : c.labels) {
          basicTensors.put(x, null);
        }
      }
      for (int x : new ArrayList<>(basicTensors.keySet())) {
        int mu = x / 64;
        int nu = x % 64;
        radialFuncs = Math.max(radialFuncs, mu + 1);
        basicTensors.put(x, new Tensor(basic.size(), nu == 0 ? new int[0] : new int[] {nu}));
        for (int[] abc : compositions(nu)) {
          basic.add(new int[] {mu, abc[0], abc[1], abc[2]});
        }
      }
      momentCount = basic.size();
    }

    MtpPotential template(int species, double minDist, double maxDist, int rbSize) {
      int[] mapping = new int[contractions.size()];
      for (int s = 0; s < mapping.length; s++) {
        mapping[s] = scalar(contractions.get(s));
      }
      return MtpPotential.template(species, minDist, maxDist, rbSize, radialFuncs, momentCount,
          basic.toArray(new int[0][]), times.toArray(new int[0][]), mapping);
    }

    /** The moment of a contraction: connected parts, multiplied together. */
    private int scalar(Contraction c) {
      int n = c.labels.length;
      int[][] e = new int[n][n];
      int[][] pairs = pairs(n);
      for (int k = 0; k < pairs.length; k++) {
        e[pairs[k][0]][pairs[k][1]] = c.edges[k];
        e[pairs[k][1]][pairs[k][0]] = c.edges[k];
      }
      int[] comp = new int[n];
      Arrays.fill(comp, -1);
      List<Integer> scalars = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        if (comp[v] >= 0) {
          continue;
        }
        List<Integer> part = new ArrayList<>();
        collect(v, e, comp, v, part);
        part.sort(null);
        scalars.add(connected(c.labels, e, part));
      }
      scalars.sort(null);
      Tensor acc = scalarTensor(scalars.get(0));
      for (int s = 1; s < scalars.size(); s++) {
        acc = contract(acc, scalarTensor(scalars.get(s)), new int[0][0]);
      }
      return acc.first;
    }

    private Tensor scalarTensor(int moment) {
      return new Tensor(moment, new int[0]);
    }

    private void collect(int v, int[][] e, int[] comp, int id, List<Integer> part) {
      comp[v] = id;
      part.add(v);
      for (int w = 0; w < e.length; w++) {
        if (e[v][w] > 0 && comp[w] < 0) {
          collect(w, e, comp, id, part);
        }
      }
    }

    /** The scalar moment of a connected graph on 1 to 4 vertices. */
    private int connected(int[] labels, int[][] e, List<Integer> part) {
      int[] v = part.stream().mapToInt(Integer::intValue).toArray();
      switch (v.length) {
        case 1:
          return basicTensors.get(labels[v[0]]).first;
        case 2:
          return full(vertex(labels, v[0]), vertex(labels, v[1]), e);
        case 3: {
          int[] best = {0, 1, 2};
          for (int[] o : new int[][] {{0, 2, 1}, {1, 2, 0}}) {
            if (e[v[o[0]]][v[o[1]]] > e[v[best[0]]][v[best[1]]]) {
              best = o;
            }
          }
          return full(pair(labels, e, v[best[0]], v[best[1]]), vertex(labels, v[best[2]]), e);
        }
        default: {
          int[][] matchings = {{0, 1, 2, 3}, {0, 2, 1, 3}, {0, 3, 1, 2}};
          int[] best = matchings[0];
          for (int[] m : matchings) {
            if (e[v[m[0]]][v[m[1]]] + e[v[m[2]]][v[m[3]]]
                > e[v[best[0]]][v[best[1]]] + e[v[best[2]]][v[best[3]]]) {
              best = m;
            }
          }
          return full(pair(labels, e, v[best[0]], v[best[1]]),
              pair(labels, e, v[best[2]], v[best[3]]), e);
        }
      }
    }

    /** A tensor with the vertex that owns each of its index groups. */
    private record Part(Tensor tensor, int[] owners) {}

    private Part vertex(int[] labels, int x) {
      return new Part(basicTensors.get(labels[x]),
          labels[x] % 64 > 0 ? new int[] {x} : new int[0]);
    }

    /** The basic tensors of vertices x and y contracted over their shared edges. */
    private Part pair(int[] labels, int[][] e, int x, int y) {
      Tensor t = contract(basicTensors.get(labels[x]), basicTensors.get(labels[y]),
          new int[][] {{e[x][y]}});
      List<Integer> owners = new ArrayList<>();
      for (int u : new int[] {x, y}) {
        if (labels[u] % 64 - e[x][y] > 0) {
          owners.add(u);
        }
      }
      return new Part(t, owners.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The complete contraction of two parts along the graph's edges between their owners. */
    private int full(Part l, Part r, int[][] e) {
      int[][] k = new int[l.owners.length][r.owners.length];
      for (int g = 0; g < k.length; g++) {
        for (int h = 0; h < k[g].length; h++) {
          k[g][h] = e[l.owners[g]][r.owners[h]];
        }
      }
      Tensor t = contract(l.tensor, r.tensor, k);
      if (t.groups.length != 0) {
        throw new IllegalStateException("incomplete contraction");
      }
      return t.first;
    }

    /**
     * The tensor of l contracted with r, k[g][h] index pairs between l's group g and r's
     * group h; the free indices left of each group form the result's groups (l's, then
     * r's). Made once per distinct (l, r, k).
     */
    private Tensor contract(Tensor l, Tensor r, int[][] k) {
      String key = l.first + "|" + r.first + "|" + Arrays.deepToString(k);
      Tensor done = made.get(key);
      if (done != null) {
        return done;
      }
      int gl = l.groups.length;
      int gr = r.groups.length;
      int[] remL = l.groups.clone();
      int[] remR = r.groups.clone();
      List<int[]> blockList = new ArrayList<>();
      for (int g = 0; g < gl; g++) {
        for (int h = 0; h < gr; h++) {
          if (k[g][h] > 0) {
            remL[g] -= k[g][h];
            remR[h] -= k[g][h];
            blockList.add(new int[] {g, h, k[g][h]});
          }
        }
      }
      List<Integer> resultGroups = new ArrayList<>();
      List<int[]> resultOwner = new ArrayList<>();
      for (int g = 0; g < gl; g++) {
        if (remL[g] > 0) {
          resultGroups.add(remL[g]);
          resultOwner.add(new int[] {0, g});
        }
      }
      for (int h = 0; h < gr; h++) {
        if (remR[h] > 0) {
          resultGroups.add(remR[h]);
          resultOwner.add(new int[] {1, h});
        }
      }
      Tensor result = new Tensor(momentCount,
          resultGroups.stream().mapToInt(Integer::intValue).toArray());
      momentCount += result.size();
      int[][][] resultComps = new int[result.groups.length][][];
      for (int q = 0; q < resultComps.length; q++) {
        resultComps[q] = compositions(result.groups[q]);
      }
      int[][][] blockComps = new int[blockList.size()][][];
      for (int q = 0; q < blockComps.length; q++) {
        blockComps[q] = compositions(blockList.get(q)[2]);
      }
      int[] rc = new int[resultComps.length];
      int target = result.first;
      do {
        TreeMap<Long, Long> terms = new TreeMap<>();
        int[] bc = new int[blockComps.length];
        do {
          int[][] left = new int[gl][3];
          int[][] right = new int[gr][3];
          for (int q = 0; q < rc.length; q++) {
            int[] owner = resultOwner.get(q);
            add(owner[0] == 0 ? left[owner[1]] : right[owner[1]], resultComps[q][rc[q]]);
          }
          long mult = 1;
          for (int q = 0; q < bc.length; q++) {
            int[] part = blockComps[q][bc[q]];
            add(left[blockList.get(q)[0]], part);
            add(right[blockList.get(q)[1]], part);
            mult *= multinomial(part);
          }
          long a = l.moment(left);
          long b = r.moment(right);
          if (l.first == r.first && a > b) {
            long t = a;
            a = b;
            b = t;
          }
          terms.merge(a << 32 | b, mult, Long::sum);
        } while (next(bc, blockComps));
        for (Map.Entry<Long, Long> t : terms.entrySet()) {
          times.add(new int[] {(int) (t.getKey() >>> 32), (int) (t.getKey() & 0xffffffffL),
              Math.toIntExact(t.getValue()), target});
        }
        target++;
      } while (next(rc, resultComps));
      made.put(key, result);
      return result;
    }

    private static void add(int[] into, int[] abc) {
      into[0] += abc[0];
      into[1] += abc[1];
      into[2] += abc[2];
    }

    /** Advances a mixed-radix counter (last digit fastest); false after the last value. */
    private static boolean next(int[] digits, int[][][] radix) {
      for (int q = digits.length - 1; q >= 0; q--) {
        if (++digits[q] < radix[q].length) {
          return true;
        }
        digits[q] = 0;
      }
      return false;
    }
  }
}
