package org.ordex.lattice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The space-group operations of a periodic structure, found from the structure itself: the
 * rotations of the lattice's point group (integer matrices preserving the metric), each
 * combined with every translation that maps each site onto a site of the same kind. Sites are
 * told apart by a key per site (the species, or the set of allowed species of a parent
 * lattice). Operations are unique modulo lattice translations, so a conventional cell of a
 * centred lattice keeps its centring translations (spinel conventional cell: 192 operations,
 * 48 rotations).
 */
public final class SpaceGroup {
  /** Default position tolerance (Å). */
  public static final double DEFAULT_TOLERANCE = 0.01;

  private final List<SymmetryOperation> operations;
  private final int[][] siteMap;

  private SpaceGroup(List<SymmetryOperation> operations, int[][] siteMap) {
    this.operations = Collections.unmodifiableList(operations);
    this.siteMap = siteMap;
  }

  /**
   * Finds the space group of a structure whose sites are distinguished by {@code siteKeys}.
   *
   * @param tolerance largest Cartesian mismatch (Å) of an image position
   */
  public static SpaceGroup find(Structure s, String[] siteKeys, double tolerance) {
    if (!(tolerance > 0)) {
      throw new InvalidInputException("symmetry tolerance must be positive, got " + tolerance);
    }
    Lattice lattice = s.lattice();
    int n = s.size();
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = Matrix3.wrap(s.fractional(i));
    }
    int ref = leastFrequentSite(siteKeys);
    List<SymmetryOperation> ops = new ArrayList<>();
    List<int[]> maps = new ArrayList<>();
    for (int[][] r : latticeRotations(lattice, tolerance)) {
      double[] rx0 = Matrix3.multiply(r, x[ref]);
      for (int j = 0; j < n; j++) {
        if (!siteKeys[j].equals(siteKeys[ref])) {
          continue;
        }
        double[] t = new double[3];
        for (int k = 0; k < 3; k++) {
          t[k] = x[j][k] - rx0[k];
        }
        SymmetryOperation op = new SymmetryOperation(r, t);
        int[] map = siteMap(op, x, siteKeys, lattice, tolerance);
        if (map != null && !containsOperation(ops, op, lattice, tolerance)) {
          ops.add(op);
          maps.add(map);
        }
      }
    }
    int identity = 0;
    while (identity < ops.size() && !isIdentity(ops.get(identity), lattice, tolerance)) {
      identity++;
    }
    if (identity == ops.size()) {
      throw new IllegalStateException("the identity was not found: tolerance too small?");
    }
    Collections.swap(ops, 0, identity);
    Collections.swap(maps, 0, identity);
    return new SpaceGroup(ops, maps.toArray(new int[0][]));
  }

  private static boolean isIdentity(SymmetryOperation op, Lattice lattice, double tol) {
    return op.isPureTranslation()
        && lattice.periodicDistance(op.translation(), new double[3]) < tol;
  }

  private static int leastFrequentSite(String[] keys) {
    int best = 0;
    int bestCount = Integer.MAX_VALUE;
    for (int i = 0; i < keys.length; i++) {
      int c = 0;
      for (String k : keys) {
        if (k.equals(keys[i])) {
          c++;
        }
      }
      if (c < bestCount) {
        bestCount = c;
        best = i;
      }
    }
    return best;
  }

  private static boolean containsOperation(List<SymmetryOperation> ops, SymmetryOperation op,
      Lattice lattice, double tol) {
    for (SymmetryOperation o : ops) {
      if (Arrays.deepEquals(o.rotation(), op.rotation())
          && lattice.periodicDistance(o.translation(), op.translation()) < tol) {
        return true;
      }
    }
    return false;
  }

  /** Image site of every site under op, or null when some image is not a site of its kind. */
  private static int[] siteMap(SymmetryOperation op, double[][] x, String[] keys, Lattice lattice,
      double tol) {
    int n = x.length;
    int[] map = new int[n];
    for (int i = 0; i < n; i++) {
      double[] y = op.apply(x[i]);
      int found = -1;
      for (int j = 0; j < n; j++) {
        if (keys[j].equals(keys[i]) && lattice.periodicDistance(y, x[j]) < tol) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        return null;
      }
      map[i] = found;
    }
    return map;
  }

  /**
   * The rotations of the lattice's point group as integer matrices R on fractional column
   * vectors with {@code Rᵀ G R = G}.
   */
  static List<int[][]> latticeRotations(Lattice lattice, double tol) {
    double[][] g = lattice.metric();
    List<List<int[]>> candidates = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      double len = lattice.length(i);
      int[] bound = new int[3];
      for (int k = 0; k < 3; k++) {
        bound[k] = (int) Math.ceil((len + tol) * lattice.reciprocalLength(k));
      }
      List<int[]> list = new ArrayList<>();
      for (int a = -bound[0]; a <= bound[0]; a++) {
        for (int b = -bound[1]; b <= bound[1]; b++) {
          for (int c = -bound[2]; c <= bound[2]; c++) {
            double l = Math.sqrt(Math.max(0, quadratic(g, a, b, c)));
            if (Math.abs(l - len) < tol) {
              list.add(new int[] {a, b, c});
            }
          }
        }
      }
      candidates.add(list);
    }
    List<int[][]> rotations = new ArrayList<>();
    double scale = Math.max(lattice.length(0), Math.max(lattice.length(1), lattice.length(2)));
    for (int[] u : candidates.get(0)) {
      for (int[] v : candidates.get(1)) {
        for (int[] w : candidates.get(2)) {
          int[][] r = {{u[0], v[0], w[0]}, {u[1], v[1], w[1]}, {u[2], v[2], w[2]}};
          long det = Matrix3.det(r);
          if (det != 1 && det != -1) {
            continue;
          }
          if (preservesMetric(r, g, tol * scale * 2)) {
            rotations.add(r);
          }
        }
      }
    }
    return rotations;
  }

  private static double quadratic(double[][] g, int a, int b, int c) {
    int[] v = {a, b, c};
    double s = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        s += v[i] * g[i][j] * v[j];
      }
    }
    return s;
  }

  private static boolean preservesMetric(int[][] r, double[][] g, double tol) {
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          for (int l = 0; l < 3; l++) {
            s += r[k][i] * g[k][l] * r[l][j];
          }
        }
        if (Math.abs(s - g[i][j]) > tol) {
          return false;
        }
      }
    }
    return true;
  }

  /** The operations, identity first. */
  public List<SymmetryOperation> operations() {
    return operations;
  }

  public int size() {
    return operations.size();
  }

  /** Number of distinct rotations (the order of the point group). */
  public int pointGroupOrder() {
    List<int[][]> seen = new ArrayList<>();
    for (SymmetryOperation op : operations) {
      int[][] r = op.rotation();
      if (seen.stream().noneMatch(q -> Arrays.deepEquals(q, r))) {
        seen.add(r);
      }
    }
    return seen.size();
  }

  /** Index of the site that operation {@code op} maps site {@code site} onto. */
  public int image(int op, int site) {
    return siteMap[op][site];
  }

  /**
   * Orbits of sites under the group: for every site the smallest site index of its orbit.
   */
  public int[] siteOrbits() {
    int n = siteMap.length == 0 ? 0 : siteMap[0].length;
    int[] orbit = new int[n];
    for (int i = 0; i < n; i++) {
      int min = i;
      for (int[] m : siteMap) {
        min = Math.min(min, m[i]);
      }
      orbit[i] = min;
    }
    return orbit;
  }
}
