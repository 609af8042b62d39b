package org.ordex.potentials.ce;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Lattice;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.SpaceGroup;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * The cluster space of a parent lattice: the orbits of clusters of active sites under the
 * parent's space group (lattice translations included) up to a cutoff per order, and the
 * correlation functions on them (orbit × decoration with the orthonormal {@link SiteBasis} of
 * each sublattice). {@code cutoffs[0]} bounds pairs, {@code cutoffs[1]} triplets, and so on,
 * each as the longest distance between two sites of a cluster (Å), as icet does. The empty
 * cluster (correlation 1) and the point clusters (one orbit per active sublattice) are always
 * included. Orbits are sorted by order, then size. Immutable.
 */
public final class ClusterSpace {
  /** Highest cluster order: {@code cutoffs} has at most MAX_ORDER − 1 entries. */
  public static final int MAX_ORDER = 6;
  private static final long CANDIDATE_BUDGET = 2_000_000;
  /**
   * Most active sites within a pair cutoff of one site (some 60 Å in fcc), and within the
   * cutoff of a triplet or larger cluster (whose candidates need a table of neighbour pairs):
   * beyond, there are far more clusters than {@link #CANDIDATE_BUDGET}.
   */
  private static final int MAX_PAIR_NEIGHBOURS = 1 << 16;
  private static final int MAX_NEIGHBOURS = 4096;
  private static final double EPS = 1e-6;
  private static final String[] ORDER_NAMES = {"empty cluster", "point", "pair", "triplet",
      "quadruplet", "quintuplet", "sextuplet"};

  private final ParentLattice parent;
  private final double[] cutoffs;
  private final int primitiveCells;
  private final List<Orbit> orbits;
  private final List<CorrelationFunction> functions;
  private final double[][][] basis;
  private final int maxFunctions;

  private ClusterSpace(ParentLattice parent, double[] cutoffs) {
    this.parent = parent;
    this.cutoffs = cutoffs.clone();
    SpaceGroup group = parent.spaceGroup();
    this.primitiveCells = group.size() / group.pointGroupOrder();
    this.basis = new double[parent.sublattices().size()][][];
    int f = 0;
    for (Sublattice sub : parent.sublattices()) {
      if (sub.isActive()) {
        basis[sub.index()] = SiteBasis.trigonometric(sub.allowed().length);
        f = Math.max(f, sub.allowed().length - 1);
      }
    }
    this.maxFunctions = f;
    LatticePoints points = new LatticePoints(parent);
    int[] active = java.util.stream.IntStream.range(0, parent.size()).filter(parent::isActive)
        .toArray();
    List<Orbit> list = new ArrayList<>();
    list.add(new Orbit(0, new int[][][] {new int[0][]}, 0, 0, 1));
    List<int[][]> pointClusters = new ArrayList<>();
    for (int p : active) {
      pointClusters.add(new int[][] {{p, 0, 0, 0}});
    }
    List<RawOrbit> raw = orbitsOf(pointClusters, points);
    for (int k = 2; k <= cutoffs.length + 1; k++) {
      double r = cutoffs[k - 2];
      List<int[][]> candidates = candidates(points, active, k, r);
      if (candidates.isEmpty()) {
        throw new InvalidInputException("cutoff " + r + " Å for " + ORDER_NAMES[k]
            + "s is too short: no " + ORDER_NAMES[k] + " of active sites fits (the shortest "
            + "distance between active sites is " + String.format("%.4f",
                shortestDistance(points, active)) + " Å)");
      }
      List<RawOrbit> ofOrder = orbitsOf(candidates, points);
      ofOrder.sort(Comparator.comparingLong((RawOrbit o) -> Math.round(o.maxDistance * 1e4))
          .thenComparingLong(o -> Math.round(o.radius * 1e4)));
      raw.addAll(ofOrder);
    }
    List<CorrelationFunction> fns = new ArrayList<>();
    fns.add(new CorrelationFunction(0, list.get(0), new int[][] {new int[0]}));
    for (RawOrbit o : raw) {
      if (o.members.length % primitiveCells != 0) {
        throw new IllegalStateException("orbit with " + o.members.length
            + " clusters per cell does not divide among " + primitiveCells + " primitive cells");
      }
      Orbit orbit = new Orbit(list.size(), o.members, o.maxDistance, o.radius,
          o.members.length / primitiveCells);
      list.add(orbit);
      for (int[][] decorations : decorationClasses(o)) {
        fns.add(new CorrelationFunction(fns.size(), orbit, decorations));
      }
    }
    this.orbits = Collections.unmodifiableList(list);
    this.functions = Collections.unmodifiableList(fns);
  }

  /**
   * The cluster space of {@code parent} with the given cutoffs (Å; pairs, triplets, …). Bad
   * cutoffs (not positive, too many orders, too short to hold a cluster, so long that the
   * clusters cannot be listed) are bad input.
   */
  public static ClusterSpace of(ParentLattice parent, double... cutoffs) {
    if (cutoffs.length > MAX_ORDER - 1) {
      throw new InvalidInputException(cutoffs.length + " cutoffs given; at most "
          + (MAX_ORDER - 1) + " (pairs up to " + ORDER_NAMES[MAX_ORDER] + "s)");
    }
    for (int i = 0; i < cutoffs.length; i++) {
      if (!(cutoffs[i] > 0) || Double.isInfinite(cutoffs[i])) {
        throw new InvalidInputException("cutoff " + cutoffs[i] + " for " + ORDER_NAMES[i + 2]
            + "s: expected a positive distance in Å");
      }
    }
    return new ClusterSpace(parent, cutoffs);
  }

  private record RawOrbit(int[][][] members, int[][] stabilizer, double maxDistance,
      double radius) {}

  /** Clusters of order k whose least point is a home-cell active site, sorted points. */
  private static List<int[][]> candidates(LatticePoints points, int[] active, int k,
      double cutoff) {
    List<int[][]> out = new ArrayList<>();
    for (int p : active) {
      int[] home = {p, 0, 0, 0};
      List<int[]> nb = new ArrayList<>();
      int limit = k == 2 ? MAX_PAIR_NEIGHBOURS : MAX_NEIGHBOURS;
      List<int[]> within = neighbours(points, active, p, cutoff, limit);
      if (within == null) {
        throw new InvalidInputException("cutoff " + cutoff + " Å for " + ORDER_NAMES[k]
            + "s is too long: more than " + limit + " active sites lie within it of one site");
      }
      for (int[] q : within) {
        if (LatticePoints.ORDER.compare(q, home) > 0) {
          nb.add(q);
        }
      }
      nb.sort(LatticePoints.ORDER);
      int n = nb.size();
      double[][] cart = new double[n][];
      for (int i = 0; i < n; i++) {
        cart[i] = points.cartesian(nb.get(i));
      }
      boolean[][] close = new boolean[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          close[i][j] = LatticePoints.distance(cart[i], cart[j]) <= cutoff + EPS;
        }
      }
      extend(home, nb, close, new int[k - 1], 0, 0, out, cutoff, k);
    }
    return out;
  }

  private static void extend(int[] home, List<int[]> nb, boolean[][] close, int[] chosen,
      int depth, int from, List<int[][]> out, double cutoff, int k) {
    if (depth == chosen.length) {
      int[][] c = new int[k][];
      c[0] = home;
      for (int j = 0; j < chosen.length; j++) {
        c[j + 1] = nb.get(chosen[j]);
      }
      out.add(c);
      if (out.size() > CANDIDATE_BUDGET) {
        throw new InvalidInputException("cutoff " + cutoff + " Å for " + ORDER_NAMES[k]
            + "s is too long: more than " + CANDIDATE_BUDGET + " clusters per cell");
      }
      return;
    }
    for (int i = from; i < nb.size(); i++) {
      boolean ok = true;
      for (int d = 0; d < depth && ok; d++) {
        ok = close[chosen[d]][i];
      }
      if (ok) {
        chosen[depth] = i;
        extend(home, nb, close, chosen, depth + 1, i + 1, out, cutoff, k);
      }
    }
  }

  /**
   * Active lattice points within {@code r} of home site p (p itself excluded), or null when
   * there are more than {@code limit}.
   */
  private static List<int[]> neighbours(LatticePoints points, int[] active, int p, double r,
      int limit) {
    Lattice lattice = points.lattice();
    int[] range = new int[3];
    for (int k = 0; k < 3; k++) {
      double lo = 0;
      double hi = 0;
      for (int q : active) {
        double x = points.fractional(q)[k];
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      range[k] = (int) Math.ceil(r * lattice.reciprocalLength(k) + hi - lo) + 1;
    }
    double[] x0 = points.cartesian(new int[] {p, 0, 0, 0});
    List<int[]> out = new ArrayList<>();
    for (int a = -range[0]; a <= range[0]; a++) {
      for (int b = -range[1]; b <= range[1]; b++) {
        for (int c = -range[2]; c <= range[2]; c++) {
          for (int q : active) {
            if (q == p && a == 0 && b == 0 && c == 0) {
              continue;
            }
            int[] pt = {q, a, b, c};
            if (LatticePoints.distance(points.cartesian(pt), x0) <= r + EPS) {
              out.add(pt);
              if (out.size() > limit) {
                return null;
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static double shortestDistance(LatticePoints points, int[] active) {
    double best = Double.MAX_VALUE;
    double reach = 0;
    for (int k = 0; k < 3; k++) {
      reach = Math.max(reach, points.lattice().length(k));
    }
    for (int p : active) {
      double[] x0 = points.cartesian(new int[] {p, 0, 0, 0});
      for (int[] q : neighbours(points, active, p, reach, Integer.MAX_VALUE)) {
        best = Math.min(best, LatticePoints.distance(points.cartesian(q), x0));
      }
    }
    return best;
  }

  /** Groups candidate clusters into orbits, in order of first appearance. */
  private static List<RawOrbit> orbitsOf(List<int[][]> candidates, LatticePoints points) {
    Set<IntBuffer> assigned = new HashSet<>();
    List<RawOrbit> out = new ArrayList<>();
    for (int[][] rep : candidates) {
      IntBuffer repKey = LatticePoints.key(rep);
      if (assigned.contains(repKey)) {
        continue;
      }
      Map<IntBuffer, int[][]> members = new LinkedHashMap<>();
      members.put(repKey, rep);
      List<int[]> stabilizer = new ArrayList<>();
      for (int g = 0; g < points.operations(); g++) {
        int[][] image = LatticePoints.toHomeCell(points.apply(g, rep));
        IntBuffer key = LatticePoints.key(image);
        members.putIfAbsent(key, image);
        if (key.equals(repKey)) {
          int[] perm = new int[rep.length];
          for (int j = 0; j < rep.length; j++) {
            perm[j] = indexOf(rep, image[j]);
          }
          if (stabilizer.stream().noneMatch(s -> Arrays.equals(s, perm))) {
            stabilizer.add(perm);
          }
        }
      }
      assigned.addAll(members.keySet());
      double[][] cart = new double[rep.length][];
      double[] centre = new double[3];
      for (int j = 0; j < rep.length; j++) {
        cart[j] = points.cartesian(rep[j]);
        for (int c = 0; c < 3; c++) {
          centre[c] += cart[j][c] / rep.length;
        }
      }
      double maxDistance = 0;
      double radius = 0;
      for (int i = 0; i < rep.length; i++) {
        radius += LatticePoints.distance(cart[i], centre) / rep.length;
        for (int j = i + 1; j < rep.length; j++) {
          maxDistance = Math.max(maxDistance, LatticePoints.distance(cart[i], cart[j]));
        }
      }
      out.add(new RawOrbit(members.values().toArray(new int[0][][]),
          stabilizer.toArray(new int[0][]), maxDistance, radius));
    }
    return out;
  }

  private static int indexOf(int[][] cluster, int[] point) {
    for (int j = 0; j < cluster.length; j++) {
      if (Arrays.equals(cluster[j], point)) {
        return j;
      }
    }
    throw new IllegalStateException("point " + Arrays.toString(point) + " not in cluster");
  }

  /**
   * The decorations of an orbit's representative grouped into classes equivalent under its
   * stabilizer (site permutations of symmetry operations mapping it onto itself); each class
   * with its lexicographically least member first, classes in lexicographic order.
   */
  private List<int[][]> decorationClasses(RawOrbit o) {
    int[][] rep = o.members[0];
    int k = rep.length;
    int[] limit = new int[k];
    for (int j = 0; j < k; j++) {
      limit[j] = parent.sublatticeOf(rep[j][0]).allowed().length - 1;
    }
    Set<IntBuffer> seen = new HashSet<>();
    List<int[][]> classes = new ArrayList<>();
    int[] nu = new int[k];
    Arrays.fill(nu, 1);
    while (true) {
      if (!seen.contains(IntBuffer.wrap(nu))) {
        List<int[]> cls = new ArrayList<>();
        for (int[] perm : o.stabilizer) {
          int[] image = new int[k];
          for (int j = 0; j < k; j++) {
            image[perm[j]] = nu[j];
          }
          if (seen.add(IntBuffer.wrap(image))) {
            cls.add(image);
          }
        }
        cls.sort(Arrays::compare);
        classes.add(cls.toArray(new int[0][]));
      }
      int j = k - 1;
      while (j >= 0 && nu[j] == limit[j]) {
        nu[j] = 1;
        j--;
      }
      if (j < 0) {
        return classes;
      }
      nu = nu.clone();
      nu[j]++;
    }
  }

  public ParentLattice parent() {
    return parent;
  }

  /** The cutoffs (Å) for pairs, triplets, … (copy). */
  public double[] cutoffs() {
    return cutoffs.clone();
  }

  /** Highest cluster order (1 when there are no cutoffs). */
  public int maxOrder() {
    return cutoffs.length + 1;
  }

  /** Number of primitive cells in the parent cell (number of centring translations). */
  public int primitiveCellsPerParentCell() {
    return primitiveCells;
  }

  /** The orbits: the empty cluster first, then by order and size. */
  public List<Orbit> orbits() {
    return orbits;
  }

  /** The correlation functions, in the order of the correlation vector. */
  public List<CorrelationFunction> functions() {
    return functions;
  }

  /** Length of the correlation vector. */
  public int size() {
    return functions.size();
  }

  /** Point-function table Θ[n][σ] of a sublattice (null for a fixed one); copy. */
  public double[][] basis(int sublattice) {
    double[][] b = basis[sublattice];
    if (b == null) {
      return null;
    }
    double[][] c = new double[b.length][];
    for (int n = 0; n < b.length; n++) {
      c[n] = b[n].clone();
    }
    return c;
  }

  /** Largest number of non-constant point functions on one site (M − 1 for M species). */
  int maxFunctions() {
    return maxFunctions;
  }

  /** The clusters of this space mapped onto the active sites of a supercell. */
  public SupercellClusters clustersIn(Supercell cell) {
    return new SupercellClusters(this, cell);
  }

  /** Name of an order: point, pair, triplet, …. */
  public static String orderName(int order) {
    return order < ORDER_NAMES.length ? ORDER_NAMES[order] : order + "-site cluster";
  }

  /**
   * Checks that another parent lattice is the same lattice as this space's (the same species,
   * same sites in the same order with the same allowed species, same cell shape up to an isotropic scale); bad
   * input with the reason otherwise.
   */
  public void requireCompatible(ParentLattice other) {
    if (other == parent) {
      return;
    }
    Set<String> species = new java.util.TreeSet<>(parent.species());
    Set<String> systemSpecies = new java.util.TreeSet<>(other.species());
    if (!species.equals(systemSpecies)) {
      throw new InvalidInputException("the model's species " + species + " are not the "
          + "system's " + systemSpecies);
    }
    if (other.size() != parent.size()) {
      throw new InvalidInputException("the model's parent cell has " + sites(parent.size())
          + ", the system's has " + other.size());
    }
    double[][] a = normalised(parent.structure().lattice());
    double[][] b = normalised(other.structure().lattice());
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        if (Math.abs(a[i][k] - b[i][k]) > 1e-3) {
          throw new InvalidInputException("the model's parent cell has another shape than the "
              + "system's (lattice vectors " + Arrays.deepToString(parent.structure().lattice()
                  .matrix()) + " vs " + Arrays.deepToString(other.structure().lattice().matrix())
              + ")");
        }
      }
    }
    for (int p = 0; p < parent.size(); p++) {
      Set<String> mine = names(parent, p);
      Set<String> theirs = names(other, p);
      if (!mine.equals(theirs)) {
        throw new InvalidInputException("site " + p + " (" + parent.label(p) + ") allows "
            + mine + " in the model but " + theirs + " in the system");
      }
      if (parent.isActive(p)) {
        double[] x = parent.structure().fractional(p);
        double[] y = other.structure().fractional(p);
        for (int k = 0; k < 3; k++) {
          double d = x[k] - y[k];
          if (Math.abs(d - Math.rint(d)) > 2e-3) {
            throw new InvalidInputException("site " + p + " (" + parent.label(p) + ") is at "
                + Arrays.toString(x) + " in the model but at " + Arrays.toString(y)
                + " in the system (fractional coordinates)");
          }
        }
      }
    }
  }

  private static double[][] normalised(Lattice lattice) {
    double s = Math.cbrt(Math.abs(lattice.volume()));
    double[][] m = lattice.matrix();
    for (double[] row : m) {
      for (int k = 0; k < 3; k++) {
        row[k] /= s;
      }
    }
    return m;
  }

  private static Set<String> names(ParentLattice p, int site) {
    Set<String> s = new java.util.TreeSet<>();
    for (int sp : p.allowed(site)) {
      s.add(p.species().get(sp));
    }
    return s;
  }

  /** One line: orders, cutoffs and number of orbits and correlation functions. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(orbits.size()).append(" orbits, ").append(functions.size())
        .append(" correlation functions, clusters up to order ").append(maxOrder());
    if (cutoffs.length > 0) {
      b.append(", cutoffs");
      for (double c : cutoffs) {
        b.append(' ').append(c);
      }
      b.append(" Å");
    }
    return b.toString();
  }

  private static String sites(int n) {
    return n + (n == 1 ? " site" : " sites");
  }
}
