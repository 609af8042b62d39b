package org.ordex.lattice;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a (possibly relaxed) structure onto the ideal sites of a supercell of a parent lattice:
 * first the cell — the integer matrix M with cell ≈ s · M · parent cell, after removing the
 * isotropic volume change s — then every atom, in the ideal frame (its fractional coordinates
 * in the structure's cell placed in the ideal supercell), to the nearest site whose
 * sublattice allows its species. When that fails the structure may be shifted rigidly as a
 * whole (other origin): the shifts that put the first atom on a site of its sublattice are
 * tried and the best is kept (the first exact one: within 1e-9 Å). Reports the largest and mean displacement, the cell strain
 * (volume and largest deviatoric component) and the shift. Refuses with a message naming the
 * atom when the cell does not fit, an atom is farther than the tolerance from every allowed
 * site, two sites are within the tolerance (ambiguous), two atoms land on one site, a species
 * is not on the lattice, or atoms are missing or extra. Supercells of equal matrices are
 * shared between mapped structures. Thread-safe.
 */
public final class StructureMapper {
  /** A displacement (Å) below which a mapping is exact: no other origin shift can beat it. */
  private static final double EXACT = 1e-9;
  private final ParentLattice parent;
  private final double tolerance;
  private final double[][] parentMatrix;
  private final double[][] parentInverse;
  private final double[][] parentCartesian;
  private final Map<String, Supercell> supercells = new ConcurrentHashMap<>();

  /** The result: the configuration in its supercell and how far the structure was from it. */
  public record Mapping(Configuration configuration, double maxDisplacement,
      double meanDisplacement, double volumeStrain, double shearStrain, double[] shift) {

    public Supercell supercell() {
      return configuration.supercell();
    }
  }

  private StructureMapper(ParentLattice parent, double tolerance) {
    this.parent = parent;
    this.tolerance = tolerance;
    Lattice l = parent.structure().lattice();
    this.parentMatrix = l.matrix();
    this.parentInverse = Matrix3.inverse(parentMatrix);
    this.parentCartesian = new double[parent.size()][];
    for (int p = 0; p < parent.size(); p++) {
      parentCartesian[p] = parent.structure().cartesian(p);
    }
  }

  /**
   * A mapper with the largest allowed displacement (Å); NaN for the default, a quarter of the
   * shortest distance between two sites of the parent (so that no atom is ever within the
   * tolerance of two sites).
   */
  public static StructureMapper of(ParentLattice parent, double maxDisplacement) {
    double t = maxDisplacement;
    if (Double.isNaN(t)) {
      t = 0.25 * shortestDistance(parent.structure());
    } else if (!(t > 0) || Double.isInfinite(t)) {
      throw new InvalidInputException("the largest displacement must be a positive distance in "
          + "Å, got " + maxDisplacement);
    }
    return new StructureMapper(parent, t);
  }

  /** The largest displacement (Å) an atom may have from its site. */
  public double tolerance() {
    return tolerance;
  }

  private static double shortestDistance(Structure s) {
    double reach = 0;
    for (int k = 0; k < 3; k++) {
      reach = Math.max(reach, s.lattice().length(k));
    }
    NeighbourList nl = NeighbourList.build(s, reach + 1e-6);
    double best = Double.MAX_VALUE;
    for (int e = 0; e < nl.pairs(); e++) {
      best = Math.min(best, nl.distance(e));
    }
    return best;
  }

  /** Maps a structure; {@code name} is used in messages. */
  public Mapping map(Structure s, String name) {
    int n = s.size();
    int np = parent.size();
    if (n == 0 || n % np != 0) {
      throw new InvalidInputException(name + ": " + n + " atoms is not a multiple of the "
          + np + " sites of the parent cell (vacancies and interstitials are not supported)");
    }
    int volume = n / np;
    double[][] cell = s.lattice().matrix();
    double[][] lp = parent.structure().lattice().matrix();
    double scale = Math.cbrt(Math.abs(Matrix3.det(cell)) / (volume * Math.abs(Matrix3.det(lp))));
    int[][] m = new int[3][3];
    double off = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double x = 0;
        for (int k = 0; k < 3; k++) {
          x += cell[i][k] / scale * parentInverse[k][j];
        }
        m[i][j] = (int) Math.round(x);
        off = Math.max(off, Math.abs(x - m[i][j]));
      }
    }
    if (Matrix3.det(m) < 0) {
      for (int k = 0; k < 3; k++) {
        m[0][k] = -m[0][k];
        cell[0][k] = -cell[0][k];
      }
    }
    if (off > 0.25 || Matrix3.det(m) != volume) {
      throw new InvalidInputException(name + ": its cell is not a supercell of the parent "
          + "cell (the nearest integer matrix " + Arrays.deepToString(m) + " is off by "
          + String.format("%.3f", off) + " after removing the volume change; " + volume
          + " parent cells expected from the atom count)");
    }
    Supercell cellOfMapping = supercells.computeIfAbsent(Arrays.deepToString(m),
        k -> Supercell.of(parent, m));
    double[][] ideal = cellOfMapping.lattice().matrix();
    double[][] strain = strain(ideal, cell);
    double trace = (strain[0][0] + strain[1][1] + strain[2][2]) / 3;
    double shear = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        shear = Math.max(shear, Math.abs(strain[i][j] - (i == j ? trace : 0)));
      }
    }
    double volumeStrain = Math.abs(Matrix3.det(cell) / Matrix3.det(ideal)) - 1;
    double[][] inverse = Matrix3.inverse(cell);
    Lattice idealLattice = Lattice.of(ideal);
    double[][] positions = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] r = s.cartesian(i);
      double[] f = new double[3];
      for (int k = 0; k < 3; k++) {
        f[k] = r[0] * inverse[0][k] + r[1] * inverse[1][k] + r[2] * inverse[2][k];
      }
      positions[i] = idealLattice.toCartesian(f);
    }
    Attempt best = attempt(s, positions, cellOfMapping, new double[3], name);
    if (best.error != null) {
      int first = 0;
      for (int p = 0; p < np; p++) {
        if (!allows(p, s.species(first))) {
          continue;
        }
        double[] shift = new double[3];
        for (int k = 0; k < 3; k++) {
          shift[k] = parentCartesian[p][k] - positions[first][k];
        }
        Attempt a = attempt(s, positions, cellOfMapping, shift, name);
        if (a.error == null && (best.error != null || a.max < best.max)) {
          best = a;
          if (best.max < EXACT) {
            break;
          }
        }
      }
      if (best.error != null) {
        throw best.error;
      }
    }
    return new Mapping(Configuration.of(cellOfMapping, best.occupation), best.max, best.mean,
        volumeStrain, shear, best.shift);
  }

  /** Small strain ε = (F + Fᵀ)/2 − I of the deformation F with cell = ideal · F. */
  private static double[][] strain(double[][] ideal, double[][] cell) {
    double[][] inv = Matrix3.inverse(ideal);
    double[][] f = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          f[i][j] += inv[i][k] * cell[k][j];
        }
      }
    }
    double[][] e = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        e[i][j] = 0.5 * (f[i][j] + f[j][i]) - (i == j ? 1 : 0);
      }
    }
    return e;
  }

  private boolean allows(int parentSite, String species) {
    int sp = parent.speciesIndex(species);
    return sp >= 0 && parent.sublatticeOf(parentSite).allows(sp);
  }

  private record Attempt(byte[] occupation, double max, double mean, double[] shift,
      InvalidInputException error) {}

  /** Assigns every atom (shifted by {@code shift}) to its nearest allowed site. */
  private Attempt attempt(Structure s, double[][] positions, Supercell cell, double[] shift,
      String name) {
    int n = s.size();
    int[] atomOnSite = new int[n];
    Arrays.fill(atomOnSite, -1);
    byte[] occupation = new byte[cell.activeSiteCount()];
    double max = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      String species = s.species(i);
      int sp = parent.speciesIndex(species);
      if (sp < 0) {
        return failed(name + ": atom " + (i + 1) + " is " + species + ", which is not on the "
            + "lattice (its species: " + String.join(", ", parent.species()) + ")", shift);
      }
      double[] r = positions[i].clone();
      for (int k = 0; k < 3; k++) {
        r[k] += shift[k];
      }
      Nearest near = nearest(r, sp);
      if (near.site < 0) {
        return failed(name + ": atom " + (i + 1) + " (" + species + ") sits on no sublattice "
            + "that allows it", shift);
      }
      if (near.distance > tolerance) {
        return failed(name + ": atom " + (i + 1) + " (" + species + ") is "
            + String.format("%.3f", near.distance) + " Å from the nearest site that allows it; "
            + "at most " + String.format("%.3f", tolerance) + " Å allowed", shift);
      }
      if (near.second <= tolerance) {
        return failed(name + ": atom " + (i + 1) + " (" + species + ") is ambiguous: within "
            + String.format("%.3f", tolerance) + " Å of two sites ("
            + String.format("%.3f", near.distance) + " and " + String.format("%.3f",
                near.second) + " Å)", shift);
      }
      int site = cell.siteIndex(near.site, near.cell);
      if (atomOnSite[site] >= 0) {
        return failed(name + ": atoms " + (atomOnSite[site] + 1) + " and " + (i + 1)
            + " both map onto site " + site + " (" + parent.label(near.site) + "); a site is "
            + "left empty", shift);
      }
      atomOnSite[site] = i;
      int a = cell.activeIndex(site);
      if (a >= 0) {
        occupation[a] = (byte) sp;
      }
      max = Math.max(max, near.distance);
      sum += near.distance;
    }
    return new Attempt(occupation, max, sum / n, shift, null);
  }

  private static Attempt failed(String message, double[] shift) {
    return new Attempt(null, Double.MAX_VALUE, 0, shift, new InvalidInputException(message));
  }

  private record Nearest(int site, int[] cell, double distance, double second) {}

  /**
   * The parent site (and parent cell) nearest to Cartesian point r among sites allowing
   * species sp, with the distance to it and to the second nearest such site.
   */
  private Nearest nearest(double[] r, int sp) {
    int bestSite = -1;
    int[] bestCell = null;
    double best = Double.MAX_VALUE;
    double second = Double.MAX_VALUE;
    double[][] l = parentMatrix;
    for (int p = 0; p < parent.size(); p++) {
      if (!parent.sublatticeOf(p).allows(sp)) {
        continue;
      }
      double dx = r[0] - parentCartesian[p][0];
      double dy = r[1] - parentCartesian[p][1];
      double dz = r[2] - parentCartesian[p][2];
      double f0 = dx * parentInverse[0][0] + dy * parentInverse[1][0] + dz * parentInverse[2][0];
      double f1 = dx * parentInverse[0][1] + dy * parentInverse[1][1] + dz * parentInverse[2][1];
      double f2 = dx * parentInverse[0][2] + dy * parentInverse[1][2] + dz * parentInverse[2][2];
      int n0 = (int) Math.rint(f0);
      int n1 = (int) Math.rint(f1);
      int n2 = (int) Math.rint(f2);
      for (int a = n0 - 1; a <= n0 + 1; a++) {
        for (int b = n1 - 1; b <= n1 + 1; b++) {
          for (int c = n2 - 1; c <= n2 + 1; c++) {
            double u = f0 - a;
            double v = f1 - b;
            double w = f2 - c;
            double x = u * l[0][0] + v * l[1][0] + w * l[2][0];
            double y = u * l[0][1] + v * l[1][1] + w * l[2][1];
            double z = u * l[0][2] + v * l[1][2] + w * l[2][2];
            double dist = Math.sqrt(x * x + y * y + z * z);
            if (dist < best) {
              second = best;
              best = dist;
              bestSite = p;
              bestCell = new int[] {a, b, c};
            } else if (dist < second) {
              second = dist;
            }
          }
        }
      }
    }
    return new Nearest(bestSite, bestCell, best, second);
  }
}
