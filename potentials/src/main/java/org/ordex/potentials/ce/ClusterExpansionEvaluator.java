package org.ordex.potentials.ce;

import org.ordex.potentials.MoveEvaluator;

/**
 * Incremental energies of a cluster expansion on one working configuration. Keeps the point
 * function values of every site in a flat array of slots (site · F + n − 1); a flip of site i
 * visits only the terms containing i (see {@link LocalTerms}); a swap is two flips done one
 * after the other, which is exact also when i and j share clusters.
 */
final class ClusterExpansionEvaluator implements MoveEvaluator {
  private final ClusterExpansionEnergy model;
  private final SupercellClusters clusters;
  private final LocalTerms terms;
  private final int stride;
  private final int speciesCount;
  private final byte[] occupation;
  private final double[] values;
  private final double[] dTheta;
  private double energy;

  ClusterExpansionEvaluator(ClusterExpansionEnergy model, SupercellClusters clusters,
      LocalTerms terms, byte[] occupation) {
    this.model = model;
    this.clusters = clusters;
    this.terms = terms;
    this.stride = terms.stride;
    this.speciesCount = clusters.speciesCount();
    this.occupation = new byte[occupation.length];
    this.values = new double[occupation.length * stride];
    this.dTheta = new double[stride + 1];
    reset(occupation);
  }

  @Override
  public double energy() {
    return energy;
  }

  @Override
  public double swapDelta(int i, int j) {
    return swapMove(i, j, false);
  }

  @Override
  public void swap(int i, int j) {
    energy += swapMove(i, j, true);
  }

  /** Applies a swap whose delta the caller just computed: only the site values change. */
  @Override
  public void applySwap(int i, int j, double delta) {
    int a = occupation[i];
    int b = occupation[j];
    if (a != b) {
      set(i, b);
      set(j, a);
      energy += delta;
    }
  }

  @Override
  public double flipDelta(int i, int s) {
    return flipMove(i, s, false);
  }

  @Override
  public void flip(int i, int s) {
    energy += flipMove(i, s, true);
  }

  /** Energy change of swapping i and j: flip i, then j; undone unless {@code apply}. */
  private double swapMove(int i, int j, boolean apply) {
    int a = occupation[i];
    int b = occupation[j];
    if (a == b) {
      return 0;
    }
    requireAllowed(i, b);
    requireAllowed(j, a);
    double d = delta(i, a, b);
    set(i, b);
    d += delta(j, b, a);
    if (apply) {
      set(j, a);
    } else {
      set(i, a);
    }
    return d;
  }

  private double flipMove(int i, int s, boolean apply) {
    int old = occupation[i];
    if (s == old) {
      return 0;
    }
    requireAllowed(i, s);
    double d = delta(i, old, s);
    if (apply) {
      set(i, s);
    }
    return d;
  }

  /** Applies a flip whose delta the caller just computed. */
  @Override
  public void applyFlip(int i, int s, double delta) {
    if (occupation[i] != s) {
      set(i, s);
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

  @Override
  public double recompute() {
    energy = model.energy(occupation);
    return energy;
  }

  private void requireAllowed(int i, int s) {
    if (!clusters.allows(i, s)) {
      throw new IllegalArgumentException("species " + s + " is not allowed on active site " + i);
    }
  }

  private void set(int i, int s) {
    occupation[i] = (byte) s;
    double[] t = clusters.thetaTable(i);
    int base = i * stride - 1;
    for (int n = 1; n <= stride; n++) {
      values[base + n] = t[n * speciesCount + s];
    }
  }

  /** Energy change of putting species s on site i, which holds species old. */
  private double delta(int i, int old, int s) {
    double[] t = clusters.thetaTable(i);
    int k = speciesCount;
    for (int n = 1; n <= stride; n++) {
      dTheta[n] = t[n * k + s] - t[n * k + old];
    }
    final int[] others = terms.others;
    final double[] v = values;
    final int[] arity = terms.segArity;
    final int[] count = terms.segCount;
    final double[] coef = terms.segCoef;
    final int[] fn = terms.segFn;
    int p = terms.parentOfSite[i];
    int o = terms.othersStart[i];
    int end = terms.segEnd[p];
    double delta = 0;
    for (int g = terms.segBegin[p]; g < end; g++) {
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
          if (arity[g] < 0) {
            return delta + fullDelta(i, s, g, end, o);
          }
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
      delta += coef[g] * dTheta[fn[g]] * sum;
    }
    return delta;
  }

  /**
   * Energy change of the full segments g…end−1 (terms in which site i occurs more than once),
   * by evaluating them before and after putting species s on i.
   */
  private double fullDelta(int i, int s, int g, int end, int o) {
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
