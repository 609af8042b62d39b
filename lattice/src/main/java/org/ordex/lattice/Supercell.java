package org.ordex.lattice;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A supercell of a parent lattice: the parent cell repeated by an integer 3×3 matrix M
 * (supercell vector i = Σ_j M[i][j] a_j, det M &gt; 0). Site {@code t·n + p} is parent site p
 * shifted by the t-th parent lattice translation inside the supercell. Active sites (those
 * with two or more allowed species) are numbered 0…{@link #activeSiteCount()}−1 in site
 * order; configurations and symmetry permutations speak in these numbers. Immutable.
 */
public final class Supercell {
  private final ParentLattice parent;
  private final int[][] matrix;
  private final long det;
  private final long[][] adjugate;
  private final Lattice lattice;
  private final int[][] translations;
  private final Long2IntOpenHashMap translationIndex;
  private final int[] activeSites;
  private final int[] activeIndex;
  private final int[][] baseOperations;
  private volatile int[][] permutations;

  private Supercell(ParentLattice parent, int[][] matrix) {
    this.parent = parent;
    this.matrix = new int[][] {matrix[0].clone(), matrix[1].clone(), matrix[2].clone()};
    this.det = Matrix3.det(this.matrix);
    if (det <= 0) {
      throw new InvalidInputException("supercell matrix " + describe(matrix)
          + " has determinant " + det + "; expected a positive determinant");
    }
    if (det * parent.size() > Integer.MAX_VALUE / 4) {
      throw new InvalidInputException("supercell " + describe(matrix) + " is too large ("
          + det + " parent cells)");
    }
    this.adjugate = Matrix3.adjugate(this.matrix);
    this.lattice = parent.structure().lattice().supercell(this.matrix);
    this.translations = enumerateTranslations();
    this.translationIndex = new Long2IntOpenHashMap(translations.length);
    translationIndex.defaultReturnValue(-1);
    for (int t = 0; t < translations.length; t++) {
      translationIndex.put(pack(translations[t]), t);
    }
    int n = size();
    this.activeIndex = new int[n];
    int count = 0;
    for (int s = 0; s < n; s++) {
      activeIndex[s] = parent.isActive(parentSite(s)) ? count++ : -1;
    }
    this.activeSites = new int[count];
    for (int s = 0; s < n; s++) {
      if (activeIndex[s] >= 0) {
        activeSites[activeIndex[s]] = s;
      }
    }
    this.baseOperations = distinctBaseOperations();
  }

  /** The supercell of {@code parent} with matrix M. */
  public static Supercell of(ParentLattice parent, int[][] matrix) {
    return new Supercell(parent, matrix);
  }

  /** A diagonal supercell n1×n2×n3. */
  public static Supercell diagonal(ParentLattice parent, int n1, int n2, int n3) {
    return new Supercell(parent, new int[][] {{n1, 0, 0}, {0, n2, 0}, {0, 0, n3}});
  }

  /**
   * Parses a supercell specification: {@code 2x2x2}, {@code 2} (2×2×2), or nine integers
   * {@code "a b c d e f g h i"} (rows of M).
   */
  public static int[][] parseMatrix(String spec) {
    String s = spec.trim();
    try {
      if (s.matches("\\d+")) {
        int n = Integer.parseInt(s);
        return new int[][] {{n, 0, 0}, {0, n, 0}, {0, 0, n}};
      }
      if (s.matches("-?\\d+\\s*[xX×]\\s*-?\\d+\\s*[xX×]\\s*-?\\d+")) {
        String[] p = s.split("\\s*[xX×]\\s*");
        return new int[][] {{Integer.parseInt(p[0]), 0, 0}, {0, Integer.parseInt(p[1]), 0},
            {0, 0, Integer.parseInt(p[2])}};
      }
      String[] p = s.replaceAll("[\\[\\],;]", " ").trim().split("\\s+");
      if (p.length == 9) {
        int[][] m = new int[3][3];
        for (int i = 0; i < 9; i++) {
          m[i / 3][i % 3] = Integer.parseInt(p[i]);
        }
        return m;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new InvalidInputException("supercell '" + spec
        + "': expected NxNxN (e.g. 2x2x2), N, or nine integers (the rows of the matrix)");
  }

  static String describe(int[][] m) {
    if (m[0][1] == 0 && m[0][2] == 0 && m[1][0] == 0 && m[1][2] == 0 && m[2][0] == 0
        && m[2][1] == 0) {
      return m[0][0] + "x" + m[1][1] + "x" + m[2][2];
    }
    return "[[" + m[0][0] + "," + m[0][1] + "," + m[0][2] + "],[" + m[1][0] + "," + m[1][1] + ","
        + m[1][2] + "],[" + m[2][0] + "," + m[2][1] + "," + m[2][2] + "]]";
  }

  private int[][] enumerateTranslations() {
    int[] lo = new int[3];
    int[] hi = new int[3];
    for (int corner = 0; corner < 8; corner++) {
      for (int k = 0; k < 3; k++) {
        int v = 0;
        for (int i = 0; i < 3; i++) {
          if ((corner >> i & 1) == 1) {
            v += matrix[i][k];
          }
        }
        lo[k] = Math.min(lo[k], v);
        hi[k] = Math.max(hi[k], v);
      }
    }
    List<int[]> list = new ArrayList<>();
    for (int a = lo[0]; a <= hi[0]; a++) {
      for (int b = lo[1]; b <= hi[1]; b++) {
        for (int c = lo[2]; c <= hi[2]; c++) {
          int[] n = {a, b, c};
          if (a == 0 && b == 0 && c == 0) {
            list.add(0, n);
          } else if (isInside(n)) {
            list.add(n);
          }
        }
      }
    }
    if (list.size() != det) {
      throw new IllegalStateException("found " + list.size() + " translations, expected " + det);
    }
    return list.toArray(new int[0][]);
  }

  /** Whether the parent lattice point n lies in the supercell's half-open unit cell. */
  private boolean isInside(int[] n) {
    for (int k = 0; k < 3; k++) {
      long f = (long) n[0] * adjugate[0][k] + (long) n[1] * adjugate[1][k]
          + (long) n[2] * adjugate[2][k];
      if (f < 0 || f >= det) {
        return false;
      }
    }
    return true;
  }

  /** Reduces parent lattice point n modulo the supercell lattice (in place). */
  private void reduce(int[] n) {
    long[] q = new long[3];
    for (int k = 0; k < 3; k++) {
      long f = (long) n[0] * adjugate[0][k] + (long) n[1] * adjugate[1][k]
          + (long) n[2] * adjugate[2][k];
      q[k] = Math.floorDiv(f, det);
    }
    for (int k = 0; k < 3; k++) {
      n[k] -= (int) (q[0] * matrix[0][k] + q[1] * matrix[1][k] + q[2] * matrix[2][k]);
    }
  }

  private static long pack(int[] n) {
    return ((long) (n[0] & 0x1FFFFF) << 42) | ((long) (n[1] & 0x1FFFFF) << 21) | (n[2] & 0x1FFFFF);
  }

  public ParentLattice parent() {
    return parent;
  }

  /** The matrix M (copy). */
  public int[][] matrix() {
    return new int[][] {matrix[0].clone(), matrix[1].clone(), matrix[2].clone()};
  }

  /** Short description: {@code 2x2x2} or the full matrix. */
  public String describe() {
    return describe(matrix);
  }

  public Lattice lattice() {
    return lattice;
  }

  /** Number of parent cells, det M. */
  public int volumeFactor() {
    return (int) det;
  }

  /** Number of sites (active and fixed). */
  public int size() {
    return translations.length * parent.size();
  }

  public int activeSiteCount() {
    return activeSites.length;
  }

  /** Supercell site index of active site a. */
  public int activeSite(int a) {
    return activeSites[a];
  }

  /** Active index of supercell site s, or −1 when the site is fixed. */
  public int activeIndex(int s) {
    return activeIndex[s];
  }

  /** Parent site of supercell site s. */
  public int parentSite(int s) {
    return s % parent.size();
  }

  /** Parent lattice translation (in parent lattice coordinates) of supercell site s (copy). */
  public int[] translation(int s) {
    return translations[s / parent.size()].clone();
  }

  /**
   * The supercell site holding parent site p shifted by parent lattice vector n (any n; it is
   * reduced modulo the supercell).
   */
  public int siteIndex(int parentSite, int[] n) {
    int[] r = n.clone();
    reduce(r);
    return translationIndex.get(pack(r)) * parent.size() + parentSite;
  }

  /** Fractional coordinates of site s in the supercell lattice. */
  public double[] fractional(int s) {
    double[] x = parent.structure().fractional(parentSite(s));
    int[] n = translations[s / parent.size()];
    double[] f = new double[3];
    for (int k = 0; k < 3; k++) {
      double v = 0;
      for (int j = 0; j < 3; j++) {
        v += (x[j] + n[j]) * adjugate[j][k];
      }
      f[k] = v / det;
    }
    return f;
  }

  /** Cartesian position of site s (Å). */
  public double[] cartesian(int s) {
    return lattice.toCartesian(fractional(s));
  }

  /** The ideal structure with species given per site. */
  public Structure structure(String[] species) {
    double[][] f = new double[size()][];
    for (int s = 0; s < f.length; s++) {
      f[s] = fractional(s);
    }
    return Structure.of(lattice, f, species);
  }

  /**
   * The parent operations that map the supercell lattice onto itself, as permutations of the
   * active sites for the zero translation, duplicates (operations acting identically on the
   * active sites) removed.
   */
  private int[][] distinctBaseOperations() {
    SpaceGroup group = parent.spaceGroup();
    int np = parent.size();
    int[][] mt = Matrix3.transpose(matrix);
    long[][] adjT = Matrix3.adjugate(mt);
    Set<IntBuffer> seen = new HashSet<>();
    List<int[]> bases = new ArrayList<>();
    for (int k = 0; k < group.size(); k++) {
      SymmetryOperation op = group.operations().get(k);
      int[][] r = op.rotation();
      if (!keepsSupercellLattice(r, mt, adjT)) {
        continue;
      }
      int[][] shift = new int[np][];
      for (int p = 0; p < np; p++) {
        int q = group.image(k, p);
        double[] y = op.apply(parent.structure().fractional(p));
        double[] xq = parent.structure().fractional(q);
        shift[p] = new int[] {(int) Math.round(y[0] - xq[0]), (int) Math.round(y[1] - xq[1]),
            (int) Math.round(y[2] - xq[2])};
      }
      int[] perm = new int[activeSites.length];
      for (int a = 0; a < activeSites.length; a++) {
        int s = activeSites[a];
        int p = parentSite(s);
        int[] rn = Matrix3.multiply(r, translations[s / np]);
        for (int c = 0; c < 3; c++) {
          rn[c] += shift[p][c];
        }
        perm[a] = activeIndex[siteIndex(group.image(k, p), rn)];
      }
      if (seen.add(IntBuffer.wrap(perm))) {
        bases.add(perm);
      }
    }
    return bases.toArray(new int[0][]);
  }

  /** Whether M⁻ᵀ R Mᵀ is an integer matrix. */
  private boolean keepsSupercellLattice(int[][] r, int[][] mt, long[][] adjT) {
    int[][] rm = Matrix3.multiply(r, mt);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        long v = adjT[i][0] * rm[0][j] + adjT[i][1] * rm[1][j] + adjT[i][2] * rm[2][j];
        if (v % det != 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Active-site permutation of the pure translation by the t-th parent lattice vector. */
  public int[] translationPermutation(int t) {
    int np = parent.size();
    int[] perm = new int[activeSites.length];
    for (int a = 0; a < activeSites.length; a++) {
      int s = activeSites[a];
      int[] n = translations[s / np].clone();
      for (int c = 0; c < 3; c++) {
        n[c] += translations[t][c];
      }
      perm[a] = activeIndex[siteIndex(parentSite(s), n)];
    }
    return perm;
  }

  /** Number of distinct symmetry operations of the supercell as active-site permutations. */
  public int symmetryCount() {
    return baseOperations.length * translations.length;
  }

  /**
   * Streams every symmetry permutation of the active sites (perm[a] = image of a) without
   * storing them all; the array passed to the visitor is reused between calls.
   */
  public void forEachPermutation(Consumer<int[]> visitor) {
    int[] perm = new int[activeSites.length];
    for (int t = 0; t < translations.length; t++) {
      int[] shift = translationPermutation(t);
      for (int[] base : baseOperations) {
        for (int a = 0; a < perm.length; a++) {
          perm[a] = shift[base[a]];
        }
        visitor.accept(perm);
      }
    }
  }

  /** All symmetry permutations of the active sites, identity first (cached). */
  public int[][] permutations() {
    int[][] p = permutations;
    if (p == null) {
      long total = (long) symmetryCount() * activeSites.length;
      if (total > 200_000_000L) {
        throw new InvalidInputException("supercell " + describe() + " has " + symmetryCount()
            + " symmetry operations on " + activeSites.length
            + " active sites: too many to store");
      }
      List<int[]> list = new ArrayList<>(symmetryCount());
      forEachPermutation(q -> list.add(q.clone()));
      p = list.toArray(new int[0][]);
      permutations = p;
    }
    return p;
  }

  @Override
  public String toString() {
    return "Supercell[" + describe() + ", " + size() + " sites, " + activeSiteCount()
        + " active]";
  }
}
