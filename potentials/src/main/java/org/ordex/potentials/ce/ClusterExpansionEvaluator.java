package org.ordex.potentials.ce;

import org.ordex.potentials.MoveEvaluator;

/**
 * Incremental energies of a cluster expansion on one working configuration. An energy change
 * sums, segment by segment, coefficient × ΔΘ × Σ over the segment's terms of the product of
 * the other sites' values (see {@link LocalTerms}); terms holding the site twice are evaluated
 * before and after. A swap is two flips one after the other, exact also when i and j share
 * clusters. Every energy change is a function of the configuration alone (the same bits
 * however the configuration was reached), so runs resumed from a checkpoint repeat exactly.
 *
 * <p>On a binary space (values ±1) the sums can be read instead: the <em>field</em> of a
 * site, Σ over its terms of coefficient × product of the other spins, is kept in fixed point
 * (integer arithmetic, so it is exact and independent of the order of updates) and updated
 * when a move is applied, visiting only the terms of the changed site. A trial flip then
 * costs O(1), and so does a trial swap of two sites that share no term; for sites that do,
 * j's terms are summed directly with i already changed. Fields pay off when many more moves
 * are tried than applied (Monte Carlo, greedy searches) and cost when every move is applied
 * (enumeration), so they are built on the first {@link #swapDelta} or {@link #flipDelta} and
 * kept from then on; an evaluator only asked to {@link #swap} and {@link #flip} never builds
 * them. Multicomponent spaces always sum directly.
 */
final class ClusterExpansionEvaluator implements MoveEvaluator {
  private final ClusterExpansionEnergy model;
  private final SupercellClusters clusters;
  private final LocalTerms terms;
  private final int stride;
  private final int speciesCount;
  private final byte[] occupation;
  private final double[] values;
  private final long[] field;
  private final double unit;
  private final double[] dTheta;
  private double energy;
  private boolean counting;

  ClusterExpansionEvaluator(ClusterExpansionEnergy model, SupercellClusters clusters,
      LocalTerms terms, byte[] occupation) {
    this.model = model;
    this.clusters = clusters;
    this.terms = terms;
    this.stride = terms.stride;
    this.speciesCount = clusters.speciesCount();
    this.occupation = new byte[occupation.length];
    this.values = new double[occupation.length * stride];
    this.field = stride == 1 ? new long[occupation.length] : null;
    this.unit = Math.scalb(1.0, -terms.fixedShift);
    this.dTheta = new double[stride + 1];
    reset(occupation);
  }

  @Override
  public double energy() {
    return energy;
  }

  @Override
  public double swapDelta(int i, int j) {
    int a = occupation[i];
    int b = occupation[j];
    if (a == b) {
      return 0;
    }
    requireAllowed(i, b);
    requireAllowed(j, a);
    startCounting();
    double d = delta(i, a, b);
    if (counting && !terms.interact(i, j)) {
      return d + delta(j, b, a);
    }
    set(i, b);
    d += sumDelta(j, b, a);
    set(i, a);
    return d;
  }

  /** Two flips one after the other, each applied at once. */
  @Override
  public void swap(int i, int j) {
    int a = occupation[i];
    int b = occupation[j];
    if (a == b) {
      return;
    }
    requireAllowed(i, b);
    requireAllowed(j, a);
    double d = delta(i, a, b);
    apply(i, b);
    d += delta(j, b, a);
    apply(j, a);
    energy += d;
  }

  /** Applies a swap whose delta the caller just computed. */
  @Override
  public void applySwap(int i, int j, double delta) {
    int a = occupation[i];
    int b = occupation[j];
    if (a != b) {
      apply(i, b);
      apply(j, a);
      energy += delta;
    }
  }

  @Override
  public double flipDelta(int i, int s) {
    int old = occupation[i];
    if (s == old) {
      return 0;
    }
    requireAllowed(i, s);
    startCounting();
    return delta(i, old, s);
  }

  @Override
  public void flip(int i, int s) {
    int old = occupation[i];
    if (s != old) {
      requireAllowed(i, s);
      double d = delta(i, old, s);
      apply(i, s);
      energy += d;
    }
  }

  /** Applies a flip whose delta the caller just computed. */
  @Override
  public void applyFlip(int i, int s, double delta) {
    if (occupation[i] != s) {
      apply(i, s);
      energy += delta;
    }
  }

  @Override
  public int species(int i) {
    return occupation[i];
  }

  @Override
  public void copyOccupation(byte[] target) {
    System.arraycopy(occupation, 0, target, 0, occupation.length);
  }

  @Override
  public void reset(byte[] newOccupation) {
    clusters.checkOccupation(newOccupation);
    for (int a = 0; a < newOccupation.length; a++) {
      set(a, newOccupation[a]);
    }
    recompute();
  }

  /** Recomputes the energy (and the fields when kept) from scratch (ends drift). */
  @Override
  public double recompute() {
    energy = model.energy(occupation);
    if (counting) {
      buildFields();
    }
    return energy;
  }

  private void requireAllowed(int i, int s) {
    if (!clusters.allows(i, s)) {
      throw new IllegalArgumentException("species " + s + " is not allowed on active site " + i);
    }
  }

  /** Builds the fields on a binary space, once. */
  private void startCounting() {
    if (field != null && !counting) {
      buildFields();
      counting = true;
    }
  }

  /** Every field, exactly: Σ over the site's terms of fixed-point coefficient × spins. */
  private void buildFields() {
    for (int a = 0; a < occupation.length; a++) {
      int p = terms.parentOfSite[a];
      int o = terms.othersStart[a];
      long h = 0;
      for (int g = terms.segBegin[p], end = terms.fullBegin[p]; g < end; g++) {
        int r = terms.segArity[g];
        long sum = 0;
        for (int e = 0; e < terms.segCount[g]; e++, o += r) {
          long product = 1;
          for (int q = 0; q < r; q++) {
            product *= spin(terms.others[o + q]);
          }
          sum += product;
        }
        h += terms.segFixed[g] * sum;
      }
      field[a] = h;
    }
  }

  /** The value (±1) of site a on a binary space. */
  private int spin(int a) {
    return values[a] > 0 ? 1 : -1;
  }

  /** Puts species s on site i: its values only. */
  private void set(int i, int s) {
    occupation[i] = (byte) s;
    double[] t = clusters.thetaTable(i);
    int base = i * stride - 1;
    for (int n = 1; n <= stride; n++) {
      values[base + n] = t[n * speciesCount + s];
    }
  }

  /** Puts species s on site i, updating the fields when kept. */
  private void apply(int i, int s) {
    if (counting) {
      count(i, s);
    }
    set(i, s);
  }

  /** Fills dTheta[n] = Θ_n(s) − Θ_n(old) on site i. */
  private void changes(int i, int old, int s) {
    double[] t = clusters.thetaTable(i);
    int k = speciesCount;
    for (int n = 1; n <= stride; n++) {
      dTheta[n] = t[n * k + s] - t[n * k + old];
    }
  }

  /** Energy change of putting species s on site i (holding old). */
  private double delta(int i, int old, int s) {
    return counting ? countDelta(i, old, s) : sumDelta(i, old, s);
  }

  /** The energy change from the field of binary site i. */
  private double countDelta(int i, int old, int s) {
    changes(i, old, s);
    return dTheta[1] * (field[i] * unit) + fullDelta(i, s);
  }

  /** The energy change summing site i's terms directly. */
  private double sumDelta(int i, int old, int s) {
    changes(i, old, s);
    final int[] others = terms.others;
    final double[] v = values;
    final int[] arity = terms.segArity;
    final int[] count = terms.segCount;
    final double[] coef = terms.segCoef;
    final int[] fn = terms.segFn;
    int p = terms.parentOfSite[i];
    int o = terms.othersStart[i];
    double total = 0;
    for (int g = terms.segBegin[p], end = terms.fullBegin[p]; g < end; g++) {
      int c = count[g];
      double sum = 0;
      switch (arity[g]) {
        case 0 -> sum = c;
        case 1 -> {
          for (int stop = o + c; o < stop; o++) {
            sum += v[others[o]];
          }
        }
        case 2 -> {
          for (int stop = o + 2 * c; o < stop; o += 2) {
            sum += v[others[o]] * v[others[o + 1]];
          }
        }
        case 3 -> {
          for (int stop = o + 3 * c; o < stop; o += 3) {
            sum += v[others[o]] * v[others[o + 1]] * v[others[o + 2]];
          }
        }
        default -> {
          int r = arity[g];
          for (int stop = o + r * c; o < stop; o += r) {
            double product = 1;
            for (int q = 0; q < r; q++) {
              product *= v[others[o + q]];
            }
            sum += product;
          }
        }
      }
      total += coef[g] * dTheta[fn[g]] * sum;
    }
    return total + fullDelta(i, s);
  }

  /**
   * Updates the fields for putting species s on binary site i: each term of i adds its
   * fixed-point coefficient × ΔΘ(i) × the product of its remaining spins to the field of each
   * of its other sites.
   */
  private void count(int i, int s) {
    int d = s == occupation[i] ? 0 : 2 * -spin(i);
    final long[] h = field;
    final int[] others = terms.others;
    int p = terms.parentOfSite[i];
    int o = terms.othersStart[i];
    for (int g = terms.segBegin[p], end = terms.fullBegin[p]; g < end; g++) {
      int n = terms.segCount[g];
      long w = d * terms.segFixed[g];
      switch (terms.segArity[g]) {
        case 0 -> { }
        case 1 -> {
          for (int stop = o + n; o < stop; o++) {
            h[others[o]] += w;
          }
        }
        case 2 -> {
          for (int stop = o + 2 * n; o < stop; o += 2) {
            int x = others[o];
            int y = others[o + 1];
            h[x] += w * spin(y);
            h[y] += w * spin(x);
          }
        }
        default -> {
          int r = terms.segArity[g];
          for (int stop = o + r * n; o < stop; o += r) {
            for (int m = 0; m < r; m++) {
              long product = w;
              for (int q = 0; q < r; q++) {
                if (q != m) {
                  product *= spin(others[o + q]);
                }
              }
              h[others[o + m]] += product;
            }
          }
        }
      }
    }
  }

  /**
   * Energy change of the full segments of site i (terms holding a site more than once), by
   * evaluating them before and after putting species s on i; 0 when it has none.
   */
  private double fullDelta(int i, int s) {
    int p = terms.parentOfSite[i];
    int g = terms.fullBegin[p];
    int end = terms.segEnd[p];
    if (g == end) {
      return 0;
    }
    int o = terms.othersStart[i] + terms.fullOffset[p];
    double before = fullSum(g, end, o);
    int old = occupation[i];
    set(i, s);
    double after = fullSum(g, end, o);
    set(i, old);
    return after - before;
  }

  private double fullSum(int g, int end, int o) {
    double total = 0;
    for (; g < end; g++) {
      int r = -terms.segArity[g];
      double sum = 0;
      for (int stop = o + r * terms.segCount[g]; o < stop; o += r) {
        double product = 1;
        for (int q = 0; q < r; q++) {
          product *= values[terms.others[o + q]];
        }
        sum += product;
      }
      total += terms.segCoef[g] * sum;
    }
    return total;
  }
}
