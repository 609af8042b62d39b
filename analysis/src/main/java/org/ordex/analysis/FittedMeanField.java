package org.ordex.analysis;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ordex.lattice.InvalidInputException;

/**
 * A mean-field energy fitted to an energy model's enumerated energies, for models that are
 * not cluster expansions (an MTP, say): a polynomial of total degree ≤ d in the sublattice
 * fractions c_l, least-squares fitted to the mean energy of all arrangements with each
 * sublattice occupancy (the infinite-temperature average at fixed counts, which the
 * enumeration gives per occupancy key). For an expansion with clusters of up to d sites
 * these averages are, up to finite-size terms of relative order 1/N, that polynomial, so the
 * fit is the point approximation of the model; its RMS residual is reported. Immutable.
 */
public final class FittedMeanField implements MeanFieldEnergy {
  private final int sublattices;
  private final int[][] exponents;
  private final double[] coefficients;
  private final double rms;
  private final int points;

  private FittedMeanField(int sublattices, int[][] exponents, double[] coefficients,
      double rms, int points) {
    this.sublattices = sublattices;
    this.exponents = exponents;
    this.coefficients = coefficients;
    this.rms = rms;
    this.points = points;
  }

  /**
   * Fits E(c) = Σ_α a_α Π_l c_l^{α_l}, |α| ≤ degree, to energies {@code e[i]} at fractions
   * {@code c[i]}. Fewer distinct points than monomials is bad input.
   */
  public static FittedMeanField fit(double[][] c, double[] e, int degree) {
    int l = c[0].length;
    int[][] exps = monomials(l, degree);
    if (c.length < exps.length) {
      throw new InvalidInputException("fitting a degree-" + degree + " mean-field energy needs at "
          + "least " + exps.length + " sublattice occupancies; the enumeration has " + c.length
          + " (enumerate all compositions)");
    }
    DMatrixRMaj a = new DMatrixRMaj(c.length, exps.length);
    DMatrixRMaj y = new DMatrixRMaj(c.length, 1);
    for (int i = 0; i < c.length; i++) {
      for (int k = 0; k < exps.length; k++) {
        a.set(i, k, monomial(exps[k], c[i]));
      }
      y.set(i, 0, e[i]);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true,
        false);
    if (!solver.setA(a.copy())) {
      throw new IllegalStateException("mean-field fit failed");
    }
    DMatrixRMaj x = new DMatrixRMaj(exps.length, 1);
    solver.solve(y.copy(), x);
    double[] coef = x.getData().clone();
    double ss = 0;
    for (int i = 0; i < c.length; i++) {
      double r = e[i] - evaluate(exps, coef, c[i]);
      ss += r * r;
    }
    return new FittedMeanField(l, exps, coef, Math.sqrt(ss / c.length), c.length);
  }

  /** Exponent vectors of all monomials in l variables of total degree ≤ d. */
  static int[][] monomials(int l, int d) {
    List<int[]> out = new ArrayList<>();
    collect(new int[l], 0, d, out);
    return out.toArray(new int[0][]);
  }

  private static void collect(int[] e, int pos, int left, List<int[]> out) {
    if (pos == e.length) {
      out.add(e.clone());
      return;
    }
    for (int k = 0; k <= left; k++) {
      e[pos] = k;
      collect(e, pos + 1, left - k, out);
    }
    e[pos] = 0;
  }

  private static double monomial(int[] e, double[] c) {
    double p = 1;
    for (int j = 0; j < e.length; j++) {
      for (int k = 0; k < e[j]; k++) {
        p *= c[j];
      }
    }
    return p;
  }

  private static double evaluate(int[][] exps, double[] coef, double[] c) {
    double s = 0;
    for (int k = 0; k < exps.length; k++) {
      s += coef[k] * monomial(exps[k], c);
    }
    return s;
  }

  /** Root-mean-square residual of the fit (eV per supercell). */
  public double rms() {
    return rms;
  }

  @Override
  public int sublatticeCount() {
    return sublattices;
  }

  @Override
  public double energy(double[] c) {
    return evaluate(exponents, coefficients, c);
  }

  @Override
  public String describe() {
    int degree = 0;
    for (int[] e : exponents) {
      degree = Math.max(degree, java.util.Arrays.stream(e).sum());
    }
    return String.format(java.util.Locale.ROOT, "polynomial of degree %d in the sublattice "
        + "fractions fitted to the mean enumerated energy of %d sublattice occupancies "
        + "(RMS residual %.3g eV per supercell)", degree, points, rms);
  }
}
