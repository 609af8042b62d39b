package org.ordex.potentials.mtp;

import java.util.Arrays;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

/**
 * An MTP bound to one supercell with fixed positions. Precomputed once: the hard-core
 * repulsion per site; per site and central type, its basic moments when every active
 * neighbour holds its first allowed species (fixed neighbours such as O in spinels
 * included); and per pair of a site and an active neighbour site (all periodic images
 * within max_dist summed) and per central type, the change of those moments when the
 * neighbour holds another species (radial functions times direction monomials). A site's
 * basic moments are then a sum of table rows, and a swap or flip changes those of the
 * sites that see the changed sites by one or two rows. Immutable and thread-safe;
 * evaluators hold the per-site moments of one working configuration and contract the
 * affected sites together ({@link SiteBatch}).
 */
final class MtpSupercellEnergy implements SupercellEnergy {
  /** Most table rows one move adds to or removes from one site's moments. */
  private static final int TERMS = 4;
  private final Supercell cell;
  private final MtpKernel kernel;
  private final int[] typeOfSpecies;
  private final int sites;
  private final int nb;
  /** Type of each fixed site, −1 for an active one. */
  private final int[] fixedType;
  /** Allowed types of each site, and the position of a type in that list (flat n·C, −1). */
  private final int[][] allowed;
  private final int[] local;
  private final double[] repulsion;
  /**
   * Basic moments of site i of central type allowed[i][a] when every active neighbour holds
   * its first allowed species: baseRows[baseRow[i] + a]. Tables are arrays of rows so that
   * the loops adding them index every array alike (and vectorise).
   */
  private final int[] baseRow;
  private final double[][] baseRows;
  /**
   * Active-neighbour pairs of site i: pairStart[i] … pairStart[i+1]−1; pair q's change of
   * the moments for central type allowed[i][a] and neighbour type allowed[j][k] (k ≥ 1)
   * instead of allowed[j][0]: pairRows[pairRow[q] + a·(|allowed[j]| − 1) + k − 1].
   */
  private final int[] pairStart;
  private final int[] pairCenter;
  private final int[] pairAtom;
  private final int[] pairRow;
  private final double[][] pairRows;
  /** Pairs whose neighbour is active site j: revPair[revStart[j]] …. */
  private final int[] revStart;
  private final int[] revPair;
  private final SiteBatch.Program program;
  /** Most sites whose moments one swap or flip changes. */
  private final int maxAffected;

  MtpSupercellEnergy(Supercell cell, MtpKernel kernel, SiteBatch.Program program,
      int[] typeOfSpecies, double[][] cart) {
    this.cell = cell;
    this.kernel = kernel;
    this.program = program;
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
    repulsion = new double[sites];
    baseRow = new int[sites];
    int baseCount = 0;
    pairStart = new int[sites + 1];
    int[] pairOf = new int[sites];
    Arrays.fill(pairOf, -1);
    int pairs = 0;
    for (int i = 0; i < sites; i++) {
      baseRow[i] = baseCount;
      baseCount += allowed[i].length;
      pairStart[i] = pairs;
      for (int e = h.start[i]; e < h.start[i + 1]; e++) {
        int j = h.atom[e];
        if (fixedType[j] < 0 && pairOf[j] != i) {
          pairOf[j] = i;
          pairs++;
        }
      }
    }
    pairStart[sites] = pairs;
    pairCenter = new int[pairs];
    pairAtom = new int[pairs];
    pairRow = new int[pairs];
    long size = 0;
    Arrays.fill(pairOf, -1);
    int p = 0;
    for (int i = 0; i < sites; i++) {
      for (int e = h.start[i]; e < h.start[i + 1]; e++) {
        int j = h.atom[e];
        if (fixedType[j] < 0 && pairOf[j] != i) {
          pairOf[j] = i;
          pairCenter[p] = i;
          pairAtom[p] = j;
          pairRow[p] = (int) size;
          size += (long) allowed[i].length * (allowed[j].length - 1);
          p++;
        }
      }
    }
    if (size * nb > Integer.MAX_VALUE - 8) {
      throw new InvalidInputException("supercell " + cell.describe() + " is too large for "
          + "the on-lattice MTP tables (" + pairs + " neighbour pairs)");
    }
    baseRows = new double[baseCount][nb];
    pairRows = new double[(int) size][nb];
    fillTables(h);
    int[] revCount = new int[sites + 1];
    for (int q = 0; q < pairs; q++) {
      revCount[pairAtom[q] + 1]++;
    }
    revStart = new int[sites + 1];
    int widest = 0;
    for (int j = 0; j < sites; j++) {
      revStart[j + 1] = revStart[j] + revCount[j + 1];
      widest = Math.max(widest, revCount[j + 1] + 1);
    }
    revPair = new int[pairs];
    int[] fill = revStart.clone();
    for (int q = 0; q < pairs; q++) {
      revPair[fill[pairAtom[q]]++] = q;
    }
    maxAffected = Math.max(1, Math.min(sites, 2 * widest));
  }

  /**
   * Fills the base and pair tables from the neighbour entries, centre by centre: a pair's
   * moments per species pair are summed over its images first, then split into the base
   * (first neighbour species) and the changes.
   */
  private void fillTables(Neighbourhoods h) {
    MtpKernel.Scratch s = kernel.scratch();
    int[] pairIndex = new int[sites];
    double[] full = new double[0];
    for (int i = 0; i < sites; i++) {
      int ni = allowed[i].length;
      int from = pairStart[i];
      int[] fullOffset = new int[pairStart[i + 1] - from + 1];
      for (int q = from; q < pairStart[i + 1]; q++) {
        pairIndex[pairAtom[q]] = q;
        fullOffset[q - from + 1] = fullOffset[q - from] + ni * allowed[pairAtom[q]].length * nb;
      }
      if (full.length < fullOffset[fullOffset.length - 1]) {
        full = new double[fullOffset[fullOffset.length - 1]];
      }
      Arrays.fill(full, 0);
      for (int e = h.start[i]; e < h.start[i + 1]; e++) {
        int j = h.atom[e];
        double x = h.vec[3 * e];
        double y = h.vec[3 * e + 1];
        double z = h.vec[3 * e + 2];
        double r = h.dist[e];
        repulsion[i] += kernel.repulsion(r);
        for (int a = 0; a < ni; a++) {
          if (fixedType[j] >= 0) {
            kernel.addNeighbour(allowed[i][a], fixedType[j], x, y, z, r, s,
                baseRows[baseRow[i] + a], 0);
          } else {
            int nj = allowed[j].length;
            for (int b = 0; b < nj; b++) {
              kernel.addNeighbour(allowed[i][a], allowed[j][b], x, y, z, r, s, full,
                  fullOffset[pairIndex[j] - from] + (a * nj + b) * nb);
            }
          }
        }
      }
      for (int q = from; q < pairStart[i + 1]; q++) {
        int nj = allowed[pairAtom[q]].length;
        for (int a = 0; a < ni; a++) {
          int first = fullOffset[q - from] + a * nj * nb;
          double[] base = baseRows[baseRow[i] + a];
          for (int x = 0; x < nb; x++) {
            base[x] += full[first + x];
          }
          for (int b = 1; b < nj; b++) {
            double[] change = pairRows[pairRow[q] + a * (nj - 1) + b - 1];
            for (int x = 0; x < nb; x++) {
              change[x] = full[first + b * nb + x] - full[first + x];
            }
          }
        }
      }
    }
  }

  @Override
  public Supercell supercell() {
    return cell;
  }

  /**
   * Row of pair q's change of the moments for central type ti when the neighbour holds type
   * tj instead of its first allowed type; −1 when tj is that first type (no change).
   */
  private int slot(int q, int ti, int tj) {
    int c = kernel.species;
    int j = pairAtom[q];
    int k = local[j * c + tj];
    return k == 0 ? -1 : pairRow[q] + local[pairCenter[q] * c + ti]
        * (allowed[j].length - 1) + k - 1;
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

  /** Basic moments of site i for site types t into m[0 … nb−1]. */
  private void siteMoments(int i, int[] t, double[] m) {
    System.arraycopy(baseRows[baseRow[i] + local[i * kernel.species + t[i]]], 0, m, 0, nb);
    for (int q = pairStart[i]; q < pairStart[i + 1]; q++) {
      int o = slot(q, t[i], t[pairAtom[q]]);
      if (o >= 0) {
        double[] change = pairRows[o];
        for (int k = 0; k < nb; k++) {
          m[k] += change[k];
        }
      }
    }
  }

  /**
   * The full energy, site by site through {@link MtpKernel#contract} (independent of the
   * evaluators' batched contraction).
   */
  @Override
  public double energy(byte[] occupation) {
    check(occupation);
    int[] t = types(occupation);
    double[] m = new double[kernel.momentCount];
    double e = 0;
    for (int i = 0; i < sites; i++) {
      siteMoments(i, t, m);
      kernel.contract(m);
      e += kernel.energy(t[i], m, repulsion[i]);
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

  /**
   * Incremental evaluation on one working configuration. A ΔE ({@link #swapDelta},
   * {@link #flipDelta}) updates the moments of the affected sites by table differences and
   * contracts them together; applying that move right after reuses it. A move applied
   * without its ΔE (swap, flip, or apply after another ΔE) only updates moments and marks
   * the affected sites; they are contracted together when an energy is next needed, so
   * several flips in a row cost one contraction of the sites they affect.
   */
  private final class Evaluator implements MoveEvaluator {
    private final byte[] occ;
    private final int[] type;
    /** Basic moments of every site. */
    private final double[][] moments;
    /** Site energies, up to date except at the pending sites. */
    private final double[] siteE;
    /** Energy, up to date except for the pending sites. */
    private double total;
    private final SiteBatch batch = new SiteBatch(program, maxAffected);
    /** Basic moments, energy starts and types of the sites in the batch. */
    private final double[][] columns = new double[maxAffected][];
    private final double[] start = new double[maxAffected];
    private final int[] batchType = new int[maxAffected];
    private final int[] stamp = new int[sites];
    private int stampValue;
    private final int[] column = new int[sites];
    private final int[] affected = new int[sites];
    private int affectedCount;
    /** New basic moments of affected site k. */
    private final double[][] newMoments = new double[maxAffected][nb];
    /**
     * Table rows (and signs) to add to the moments of affected site k in {@link #change}:
     * termRows[TERMS·k + t], t &lt; termCount[k] (two changed sites, each a row added and
     * one removed at most).
     */
    private final double[][] termRows = new double[TERMS * maxAffected][];
    private final double[] termSigns = new double[TERMS * maxAffected];
    private final int[] termCount = new int[maxAffected];
    private double[] newE;
    /** Sites whose moments changed since their energy was last contracted. */
    private final boolean[] isPending = new boolean[sites];
    private final int[] pending = new int[sites];
    private int pendingCount;
    /** The move {@link #change} computed last (sites and their new types), until applied. */
    private int lastA = -1;
    private int lastTypeA;
    private int lastB;
    private int lastTypeB;
    private double lastDelta;

    Evaluator(byte[] occupation) {
      occ = occupation.clone();
      type = types(occ);
      moments = new double[sites][nb];
      siteE = new double[sites];
      recompute();
    }

    @Override
    public double energy() {
      settle();
      return total;
    }

    @Override
    public double recompute() {
      lastA = -1;
      for (int i = 0; i < sites; i++) {
        siteMoments(i, type, moments[i]);
        isPending[i] = true;
        pending[i] = i;
      }
      pendingCount = sites;
      total = 0;
      Arrays.fill(siteE, 0);
      settle();
      total = 0;
      for (int i = 0; i < sites; i++) {
        total += siteE[i];
      }
      return total;
    }

    /** Contracts the pending sites (in batches) and brings their energies up to date. */
    private void settle() {
      for (int from = 0; from < pendingCount; from += batch.capacity) {
        int count = Math.min(batch.capacity, pendingCount - from);
        for (int c = 0; c < count; c++) {
          int i = pending[from + c];
          columns[c] = moments[i];
          start[c] = repulsion[i];
          batchType[c] = type[i];
        }
        batch.load(count, columns, start);
        double[] e = batch.energies(count, batchType);
        for (int c = 0; c < count; c++) {
          int i = pending[from + c];
          total += e[c] - siteE[i];
          siteE[i] = e[c];
          isPending[i] = false;
        }
      }
      pendingCount = 0;
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
      return change(cell.activeSite(i), typeOfSpecies[occ[j]], cell.activeSite(j),
          typeOfSpecies[occ[i]]);
    }

    @Override
    public void swap(int i, int j) {
      if (occ[i] != occ[j]) {
        applySwap(i, j, Double.NaN);
      }
    }

    /** Swaps reusing the ΔE of the last {@link #swapDelta}(i, j) when it was that move. */
    @Override
    public void applySwap(int i, int j, double delta) {
      if (occ[i] == occ[j]) {
        return;
      }
      int si = cell.activeSite(i);
      int sj = cell.activeSite(j);
      int ti = typeOfSpecies[occ[j]];
      int tj = typeOfSpecies[occ[i]];
      if (isLast(si, ti, sj, tj)) {
        commit();
      } else {
        move(si, ti, sj, tj);
      }
      byte t = occ[i];
      occ[i] = occ[j];
      occ[j] = t;
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
      if (occ[i] != sp) {
        applyFlip(i, sp, Double.NaN);
      }
    }

    /** Flips reusing the ΔE of the last {@link #flipDelta}(i, sp) when it was that move. */
    @Override
    public void applyFlip(int i, int sp, double delta) {
      if (occ[i] == sp) {
        return;
      }
      int si = cell.activeSite(i);
      int t = allowedType(si, sp);
      if (isLast(si, t, -1, -1)) {
        commit();
      } else {
        move(si, t, -1, -1);
      }
      occ[i] = (byte) sp;
    }

    private boolean isLast(int a, int ta, int b, int tb) {
      return lastA >= 0 && ((lastA == a && lastTypeA == ta && lastB == b && lastTypeB == tb)
          || (lastA == b && lastTypeA == tb && lastB == a && lastTypeB == ta));
    }

    private int allowedType(int site, int sp) {
      if (sp < 0 || sp >= typeOfSpecies.length
          || local[site * kernel.species + typeOfSpecies[sp]] < 0) {
        throw new IllegalArgumentException("species " + sp + " is not allowed on site " + site);
      }
      return typeOfSpecies[sp];
    }

    /** Collects site a, site b (or −1) and every site that sees them into affected. */
    private void collectAffected(int a, int b) {
      if (++stampValue == 0) {
        Arrays.fill(stamp, 0);
        stampValue = 1;
      }
      affectedCount = 0;
      mark(a);
      for (int r = revStart[a]; r < revStart[a + 1]; r++) {
        mark(pairCenter[revPair[r]]);
      }
      if (b >= 0) {
        mark(b);
        for (int r = revStart[b]; r < revStart[b + 1]; r++) {
          mark(pairCenter[revPair[r]]);
        }
      }
    }

    private void mark(int site) {
      if (stamp[site] != stampValue) {
        stamp[site] = stampValue;
        column[site] = affectedCount;
        affected[affectedCount++] = site;
      }
    }

    /**
     * Energy change when site a takes type ta and site b (or −1) type tb; leaves the new
     * moments and site energies of every affected site in newMoments / newE. The new moments
     * of an affected site other than a and b are its old ones plus the table rows of the
     * changes it sees, summed in one pass ({@link #addTerms}).
     */
    private double change(int a, int ta, int b, int tb) {
      settle();
      collectAffected(a, b);
      int oldA = type[a];
      int oldB = b >= 0 ? type[b] : -1;
      setTypes(a, ta, b, tb);
      collectTerms(a, oldA, b, oldB);
      for (int k = 0; k < affectedCount; k++) {
        int i = affected[k];
        if (i == a || i == b) {
          siteMoments(i, type, newMoments[k]);
        } else {
          addTerms(moments[i], TERMS * k, termCount[k], newMoments[k]);
        }
        start[k] = repulsion[i];
        batchType[k] = type[i];
      }
      setTypes(a, oldA, b, oldB);
      batch.load(affectedCount, newMoments, start);
      newE = batch.energies(affectedCount, batchType);
      double delta = 0;
      for (int k = 0; k < affectedCount; k++) {
        delta += newE[k] - siteE[affected[k]];
      }
      lastA = a;
      lastTypeA = ta;
      lastB = b;
      lastTypeB = tb;
      lastDelta = delta;
      return delta;
    }

    private void setTypes(int a, int ta, int b, int tb) {
      type[a] = ta;
      if (b >= 0) {
        type[b] = tb;
      }
    }

    /**
     * Records, for every affected site other than the changed sites a and b (recomputed in
     * full), the table rows to add to its moments: for each changed site it sees, the row of
     * that site's new type (in {@code type}, sign +1) and of its old one (−1).
     */
    private void collectTerms(int a, int oldA, int b, int oldB) {
      Arrays.fill(termCount, 0, affectedCount, 0);
      termsOfChange(a, oldA, a, b);
      if (b >= 0) {
        termsOfChange(b, oldB, a, b);
      }
    }

    /** The rows of {@link #collectTerms} for the sites that see changed site j. */
    private void termsOfChange(int j, int oldType, int a, int b) {
      int now = type[j];
      for (int r = revStart[j]; r < revStart[j + 1]; r++) {
        int q = revPair[r];
        int i = pairCenter[q];
        if (i == a || i == b) {
          continue;
        }
        int add = slot(q, type[i], now);
        int sub = slot(q, type[i], oldType);
        int k = column[i];
        if (add >= 0) {
          termRows[TERMS * k + termCount[k]] = pairRows[add];
          termSigns[TERMS * k + termCount[k]++] = 1;
        }
        if (sub >= 0) {
          termRows[TERMS * k + termCount[k]] = pairRows[sub];
          termSigns[TERMS * k + termCount[k]++] = -1;
        }
      }
    }

    /**
     * out = base + the n table rows termRows[from …] times their signs (±1, so exact), in
     * one pass over the moments; out may be base.
     */
    private void addTerms(double[] base, int from, int n, double[] out) {
      switch (n) {
        case 0 -> System.arraycopy(base, 0, out, 0, nb);
        case 1 -> {
          double[] t1 = termRows[from];
          double s1 = termSigns[from];
          for (int x = 0; x < nb; x++) {
            out[x] = base[x] + s1 * t1[x];
          }
        }
        case 2 -> {
          double[] t1 = termRows[from];
          double s1 = termSigns[from];
          double[] t2 = termRows[from + 1];
          double s2 = termSigns[from + 1];
          for (int x = 0; x < nb; x++) {
            out[x] = base[x] + s1 * t1[x] + s2 * t2[x];
          }
        }
        default -> {
          System.arraycopy(base, 0, out, 0, nb);
          for (int t = from; t < from + n; t++) {
            double[] row = termRows[t];
            double sign = termSigns[t];
            for (int x = 0; x < nb; x++) {
              out[x] += sign * row[x];
            }
          }
        }
      }
    }

    /** Applies the change computed last by {@link #change}. */
    private void commit() {
      setTypes(lastA, lastTypeA, lastB, lastTypeB);
      for (int k = 0; k < affectedCount; k++) {
        // the new row becomes the site's; its old row is scratch for the next move (change()
        // overwrites every entry of newMoments[k])
        int i = affected[k];
        double[] old = moments[i];
        moments[i] = newMoments[k];
        newMoments[k] = old;
        siteE[i] = newE[k];
      }
      total += lastDelta;
      lastA = -1;
    }

    /**
     * Applies a move without its energy: site a takes type ta, site b (or −1) type tb; the
     * moments of the affected sites are updated and the sites left pending.
     */
    private void move(int a, int ta, int b, int tb) {
      lastA = -1;
      collectAffected(a, b);
      int oldA = type[a];
      int oldB = b >= 0 ? type[b] : -1;
      setTypes(a, ta, b, tb);
      collectTerms(a, oldA, b, oldB);
      for (int k = 0; k < affectedCount; k++) {
        int i = affected[k];
        if (i != a && i != b) {
          addTerms(moments[i], TERMS * k, termCount[k], moments[i]);
        }
      }
      siteMoments(a, type, moments[a]);
      if (b >= 0) {
        siteMoments(b, type, moments[b]);
      }
      for (int k = 0; k < affectedCount; k++) {
        int i = affected[k];
        if (!isPending[i]) {
          isPending[i] = true;
          pending[pendingCount++] = i;
        }
      }
    }
  }
}
