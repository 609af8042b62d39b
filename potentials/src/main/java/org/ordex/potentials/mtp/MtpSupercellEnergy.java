package org.ordex.potentials.mtp;

import java.util.Arrays;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

/**
 * An MTP bound to one supercell with fixed positions. Precomputed once: the neighbour list
 * (with periodic images), the hard-core repulsion per site, and for every neighbour entry and
 * every pair of species the two sites may hold, its contribution to the basic moments (radial
 * functions times direction monomials). A site's energy is then a sum of table entries,
 * contracted. Immutable and thread-safe; evaluators hold the per-site moments of one working
 * configuration.
 */
final class MtpSupercellEnergy implements SupercellEnergy {
  private final Supercell cell;
  private final MtpKernel kernel;
  private final int[] typeOfSpecies;
  private final int sites;
  private final int nb;
  /** Type of each site in the working configuration's absence: fixed type or −1 (active). */
  private final int[] fixedType;
  /** Allowed types of each site, and the position of a type in that list (flat n·C, −1). */
  private final int[][] allowed;
  private final int[] local;
  private final int[] start;
  private final int[] atom;
  private final int[] center;
  private final int[] revStart;
  private final int[] revEntry;
  private final double[] repulsion;
  private final int[] tableOffset;
  private final double[] table;

  MtpSupercellEnergy(Supercell cell, MtpKernel kernel, int[] typeOfSpecies, double[][] cart) {
    this.cell = cell;
    this.kernel = kernel;
    this.typeOfSpecies = typeOfSpecies.clone();
    this.sites = cell.size();
    this.nb = kernel.basicCount;
    int c = kernel.species;
    fixedType = new int[sites];
    allowed = new int[sites][];
    local = new int[sites * c];
    Arrays.fill(local, -1);
    for (int s = 0; s < sites; s++) {
      int[] sp = cell.parent().allowed(cell.parentSite(s));
      allowed[s] = new int[sp.length];
      for (int k = 0; k < sp.length; k++) {
        allowed[s][k] = typeOfSpecies[sp[k]];
        local[s * c + allowed[s][k]] = k;
      }
      fixedType[s] = cell.activeIndex(s) >= 0 ? -1 : allowed[s][0];
    }
    Neighbourhoods h = Neighbourhoods.build(cart, cell.lattice().matrix(), kernel.maxDist);
    start = h.start;
    atom = h.atom;
    int pairs = atom.length;
    center = new int[pairs];
    int[] revCount = new int[sites + 1];
    for (int i = 0; i < sites; i++) {
      for (int e = start[i]; e < start[i + 1]; e++) {
        center[e] = i;
        revCount[atom[e] + 1]++;
      }
    }
    revStart = new int[sites + 1];
    for (int j = 0; j < sites; j++) {
      revStart[j + 1] = revStart[j] + revCount[j + 1];
    }
    revEntry = new int[pairs];
    int[] fill = revStart.clone();
    for (int e = 0; e < pairs; e++) {
      revEntry[fill[atom[e]]++] = e;
    }
    repulsion = new double[sites];
    tableOffset = new int[pairs];
    long size = 0;
    for (int e = 0; e < pairs; e++) {
      tableOffset[e] = (int) size;
      size += (long) allowed[center[e]].length * allowed[atom[e]].length * nb;
      if (size > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException("supercell " + cell.describe() + " is too large for "
            + "the on-lattice MTP tables (" + pairs + " neighbour pairs)");
      }
    }
    table = new double[(int) size];
    MtpKernel.Scratch s = kernel.scratch();
    for (int e = 0; e < pairs; e++) {
      int i = center[e];
      int j = atom[e];
      double x = h.vec[3 * e];
      double y = h.vec[3 * e + 1];
      double z = h.vec[3 * e + 2];
      double r = h.dist[e];
      repulsion[i] += kernel.repulsion(r);
      for (int a = 0; a < allowed[i].length; a++) {
        for (int b = 0; b < allowed[j].length; b++) {
          kernel.addNeighbour(allowed[i][a], allowed[j][b], x, y, z, r, s, table,
              tableOffset[e] + (a * allowed[j].length + b) * nb);
        }
      }
    }
  }

  @Override
  public Supercell supercell() {
    return cell;
  }

  /** Offset of entry e's moment contributions for central type ti and neighbour type tj. */
  private int slot(int e, int ti, int tj) {
    int c = kernel.species;
    int j = atom[e];
    return tableOffset[e] + (local[center[e] * c + ti] * allowed[j].length + local[j * c + tj])
        * nb;
  }

  /** Site types of an occupation (species index per active site). */
  private int[] types(byte[] occupation) {
    int[] t = fixedType.clone();
    for (int s = 0; s < sites; s++) {
      int a = cell.activeIndex(s);
      if (a >= 0) {
        t[s] = typeOfSpecies[occupation[a]];
      }
    }
    return t;
  }

  /** Basic moments of site i for site types t into m[off …]. */
  private void siteMoments(int i, int[] t, double[] m, int off) {
    Arrays.fill(m, off, off + nb, 0);
    for (int e = start[i]; e < start[i + 1]; e++) {
      int o = slot(e, t[i], t[atom[e]]);
      for (int k = 0; k < nb; k++) {
        m[off + k] += table[o + k];
      }
    }
  }

  /** Site energy from basic moments m[off …] (contracted in the scratch array). */
  private double siteEnergy(int i, int type, double[] m, int off, MtpKernel.Scratch s) {
    System.arraycopy(m, off, s.moments, 0, nb);
    kernel.contract(s.moments);
    return kernel.energy(type, s.moments, repulsion[i]);
  }

  @Override
  public double energy(byte[] occupation) {
    check(occupation);
    int[] t = types(occupation);
    MtpKernel.Scratch s = kernel.scratch();
    double[] m = new double[nb];
    double e = 0;
    for (int i = 0; i < sites; i++) {
      siteMoments(i, t, m, 0);
      e += siteEnergy(i, t[i], m, 0, s);
    }
    return e;
  }

  private void check(byte[] occupation) {
    Configuration.of(cell, occupation);
  }

  @Override
  public MoveEvaluator evaluator(byte[] occupation) {
    check(occupation);
    return new Evaluator(occupation);
  }

  /** Incremental evaluation on one working configuration. */
  private final class Evaluator implements MoveEvaluator {
    private final byte[] occ;
    private final int[] type;
    private final double[] moments;
    private final double[] siteE;
    private double total;
    private final MtpKernel.Scratch s = kernel.scratch();
    private final int[] stamp = new int[sites];
    private int stampValue;
    private final int[] affected = new int[sites];
    private int affectedCount;
    private final double[] newMoments;
    private final double[] newE = new double[sites];

    Evaluator(byte[] occupation) {
      occ = occupation.clone();
      type = types(occ);
      moments = new double[sites * nb];
      siteE = new double[sites];
      newMoments = new double[sites * nb];
      recompute();
    }

    @Override
    public double energy() {
      return total;
    }

    @Override
    public double recompute() {
      total = 0;
      for (int i = 0; i < sites; i++) {
        siteMoments(i, type, moments, i * nb);
        siteE[i] = siteEnergy(i, type[i], moments, i * nb, s);
        total += siteE[i];
      }
      return total;
    }

    @Override
    public void reset(byte[] occupation) {
      check(occupation);
      System.arraycopy(occupation, 0, occ, 0, occ.length);
      System.arraycopy(types(occ), 0, type, 0, sites);
      recompute();
    }

    @Override
    public int species(int i) {
      return occ[i];
    }

    @Override
    public void copyOccupation(byte[] target) {
      System.arraycopy(occ, 0, target, 0, occ.length);
    }

    @Override
    public double swapDelta(int i, int j) {
      if (occ[i] == occ[j]) {
        return 0;
      }
      int si = cell.activeSite(i);
      int sj = cell.activeSite(j);
      return change(si, typeOfSpecies[occ[j]], sj, typeOfSpecies[occ[i]]);
    }

    @Override
    public void swap(int i, int j) {
      if (occ[i] == occ[j]) {
        return;
      }
      double d = swapDelta(i, j);
      int si = cell.activeSite(i);
      int sj = cell.activeSite(j);
      byte t = occ[i];
      occ[i] = occ[j];
      occ[j] = t;
      commit(d, si, typeOfSpecies[occ[i]], sj, typeOfSpecies[occ[j]]);
    }

    @Override
    public double flipDelta(int i, int sp) {
      if (occ[i] == sp) {
        return 0;
      }
      int si = cell.activeSite(i);
      return change(si, allowedType(si, sp), -1, -1);
    }

    @Override
    public void flip(int i, int sp) {
      if (occ[i] == sp) {
        return;
      }
      double d = flipDelta(i, sp);
      occ[i] = (byte) sp;
      commit(d, cell.activeSite(i), typeOfSpecies[sp], -1, -1);
    }

    private int allowedType(int site, int sp) {
      if (sp < 0 || sp >= typeOfSpecies.length
          || local[site * kernel.species + typeOfSpecies[sp]] < 0) {
        throw new IllegalArgumentException("species " + sp + " is not allowed on site " + site);
      }
      return typeOfSpecies[sp];
    }

    private void mark(int site) {
      if (stamp[site] != stampValue) {
        stamp[site] = stampValue;
        affected[affectedCount++] = site;
      }
    }

    /**
     * Energy change when site a takes type ta and site b (or −1) type tb; leaves the new
     * moments and site energies of every affected site in newMoments / newE.
     */
    private double change(int a, int ta, int b, int tb) {
      if (++stampValue == 0) {
        Arrays.fill(stamp, 0);
        stampValue = 1;
      }
      affectedCount = 0;
      mark(a);
      for (int r = revStart[a]; r < revStart[a + 1]; r++) {
        mark(center[revEntry[r]]);
      }
      if (b >= 0) {
        mark(b);
        for (int r = revStart[b]; r < revStart[b + 1]; r++) {
          mark(center[revEntry[r]]);
        }
      }
      int oldA = type[a];
      int oldB = b >= 0 ? type[b] : -1;
      double delta = 0;
      for (int k = 0; k < affectedCount; k++) {
        int i = affected[k];
        int off = k * nb;
        if (i == a || i == b) {
          type[a] = ta;
          if (b >= 0) {
            type[b] = tb;
          }
          siteMoments(i, type, newMoments, off);
          type[a] = oldA;
          if (b >= 0) {
            type[b] = oldB;
          }
          newE[k] = siteEnergy(i, i == a ? ta : tb, newMoments, off, s);
        } else {
          System.arraycopy(moments, i * nb, newMoments, off, nb);
          int ti = type[i];
          for (int e = start[i]; e < start[i + 1]; e++) {
            int j = atom[e];
            if (j == a || j == b) {
              int add = slot(e, ti, j == a ? ta : tb);
              int sub = slot(e, ti, type[j]);
              for (int q = 0; q < nb; q++) {
                newMoments[off + q] += table[add + q] - table[sub + q];
              }
            }
          }
          newE[k] = siteEnergy(i, ti, newMoments, off, s);
        }
        delta += newE[k] - siteE[i];
      }
      return delta;
    }

    /** Applies the change computed last by {@link #change}. */
    private void commit(double delta, int a, int ta, int b, int tb) {
      for (int k = 0; k < affectedCount; k++) {
        int i = affected[k];
        System.arraycopy(newMoments, k * nb, moments, i * nb, nb);
        siteE[i] = newE[k];
      }
      type[a] = ta;
      if (b >= 0) {
        type[b] = tb;
      }
      total += delta;
    }
  }
}
