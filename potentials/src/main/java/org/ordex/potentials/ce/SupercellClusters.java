package org.ordex.potentials.ce;

import java.util.Arrays;
import java.util.List;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * The clusters of a {@link ClusterSpace} mapped onto the active sites of one supercell (every
 * periodic image of every orbit, clusters that wrap around the cell included), with the point
 * functions in the supercell's species numbering. Computes correlation vectors. Immutable and
 * thread-safe.
 */
public final class SupercellClusters {
  private final ClusterSpace space;
  private final Supercell cell;
  private final int[][] sites;
  private final double[][] theta;
  private final int[] tableOfSite;
  private final int speciesCount;

  SupercellClusters(ClusterSpace space, Supercell cell) {
    space.requireCompatible(cell.parent());
    this.space = space;
    this.cell = cell;
    ParentLattice mine = space.parent();
    ParentLattice theirs = cell.parent();
    this.speciesCount = theirs.species().size();
    int f = space.maxFunctions();
    List<Sublattice> subs = mine.sublattices();
    this.theta = new double[subs.size()][];
    for (Sublattice sub : subs) {
      if (!sub.isActive()) {
        continue;
      }
      double[][] b = space.basis(sub.index());
      List<String> names = sub.allowedNames(mine.species());
      double[] t = new double[(f + 1) * speciesCount];
      Arrays.fill(t, Double.NaN);
      for (int s = 0; s < speciesCount; s++) {
        int local = names.indexOf(theirs.species().get(s));
        if (local >= 0) {
          for (int n = 0; n <= f; n++) {
            t[n * speciesCount + s] = n < b.length ? b[n][local] : 0;
          }
        }
      }
      theta[sub.index()] = t;
    }
    int na = cell.activeSiteCount();
    this.tableOfSite = new int[na];
    for (int a = 0; a < na; a++) {
      tableOfSite[a] = mine.sublatticeOf(cell.parentSite(cell.activeSite(a))).index();
    }
    int volume = cell.volumeFactor();
    int np = mine.size();
    this.sites = new int[space.orbits().size()][];
    for (Orbit o : space.orbits()) {
      int k = o.order();
      int[] s = new int[volume * o.memberCount() * k];
      int i = 0;
      for (int t = 0; t < volume; t++) {
        int[] shift = cell.translation(t * np);
        for (int m = 0; m < o.memberCount(); m++) {
          for (int[] pt : o.member(m)) {
            s[i++] = activeSite(pt[0], pt[1] + shift[0], pt[2] + shift[1], pt[3] + shift[2]);
          }
        }
      }
      sites[o.index()] = s;
    }
  }

  /** Active index of parent site p in parent cell (a, b, c), reduced into the supercell. */
  int activeSite(int p, int a, int b, int c) {
    return cell.activeIndex(cell.siteIndex(p, new int[] {a, b, c}));
  }

  public ClusterSpace space() {
    return space;
  }

  public Supercell supercell() {
    return cell;
  }

  /** Number of primitive cells in the supercell. */
  public int primitiveCells() {
    return cell.volumeFactor() * space.primitiveCellsPerParentCell();
  }

  /** The correlation vector of an occupation array (species index per active site). */
  public double[] correlations(byte[] occupation) {
    checkOccupation(occupation);
    List<CorrelationFunction> fns = space.functions();
    double[] corr = new double[fns.size()];
    int k = speciesCount;
    for (CorrelationFunction fn : fns) {
      Orbit o = fn.orbit();
      int order = o.order();
      if (order == 0) {
        corr[fn.index()] = 1;
        continue;
      }
      int[] s = sites[o.index()];
      int[][] decorations = fn.decorations();
      double sum = 0;
      for (int base = 0; base < s.length; base += order) {
        for (int[] nu : decorations) {
          double product = 1;
          for (int j = 0; j < order; j++) {
            int a = s[base + j];
            product *= theta[tableOfSite[a]][nu[j] * k + occupation[a]];
          }
          sum += product;
        }
      }
      corr[fn.index()] = sum / ((double) (s.length / order) * decorations.length);
    }
    return corr;
  }

  /** The correlation vector of a configuration of this supercell. */
  public double[] correlations(Configuration c) {
    if (c.supercell() != cell) {
      throw new IllegalArgumentException("configuration of another supercell");
    }
    return correlations(c.occupation());
  }

  /** Checks length and allowed species of an occupation array. */
  void checkOccupation(byte[] occupation) {
    if (occupation.length != tableOfSite.length) {
      throw new IllegalArgumentException("occupation of " + occupation.length
          + " sites for a supercell with " + tableOfSite.length + " active sites");
    }
    for (int a = 0; a < occupation.length; a++) {
      if (!allows(a, occupation[a])) {
        throw new IllegalArgumentException("species " + occupation[a]
            + " is not allowed on active site " + a);
      }
    }
  }

  /** Whether species s (supercell numbering) may sit on active site a. */
  boolean allows(int a, int s) {
    return s >= 0 && s < speciesCount && !Double.isNaN(theta[tableOfSite[a]][s]);
  }

  /** Point function n of species s on active site a. */
  double theta(int a, int n, int s) {
    return theta[tableOfSite[a]][n * speciesCount + s];
  }

  /** The table Θ[n·K + s] of active site a (shared; do not modify). */
  double[] thetaTable(int a) {
    return theta[tableOfSite[a]];
  }

  int speciesCount() {
    return speciesCount;
  }
}
