package org.ordex.potentials.ce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ordex.lattice.InvalidInputException;

/**
 * Fits the ECIs of a cluster space to training energies. The model is linear in the
 * parameters P_f = m_f J_f (multiplicity × ECI): energy per primitive cell = Σ_f P_f Π_f
 * (per atom: the same divided by the atoms per primitive cell), so a penalty weighs every
 * orbit's contribution alike, as in icet. The constant (empty cluster) is never penalised.
 * Methods: ordinary least squares (minimum norm through the SVD), ridge (SVD) and LASSO
 * (coordinate descent). Unless a strength α is given, ridge and LASSO try a logarithmic grid
 * and keep the α with the lowest cross-validation RMSE (the reported CV RMSE is that minimum,
 * so mildly optimistic; least squares has no such choice). Immutable.
 */
public final class Fitter {
  /** The fitting method. */
  public enum Method { OLS, RIDGE, LASSO;

    /** Parses {@code ols}, {@code ridge} or {@code lasso}. */
    public static Method parse(String s) {
      for (Method m : values()) {
        if (m.name().equalsIgnoreCase(s.trim())) {
          return m;
        }
      }
      throw new InvalidInputException("fit method '" + s + "': expected ols, ridge or lasso");
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the energies are fitted per. */
  public enum Unit { PRIMITIVE_CELL("eV per primitive cell"), ATOM("eV per atom");

    private final String label;

    Unit(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Parses {@code cell} (primitive cell) or {@code atom}. */
    public static Unit parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "cell", "primitive-cell" -> PRIMITIVE_CELL;
        case "atom" -> ATOM;
        default -> throw new InvalidInputException("energy unit '" + s + "': expected cell "
            + "(per primitive cell) or atom");
      };
    }
  }

  /** A fitted cluster expansion with its report. */
  public record Result(ClusterExpansion expansion, FitReport report) {}

  private static final int WORST_IN_METADATA = 10;

  private final Method method;
  private final Unit unit;
  private final CrossValidation cv;
  private final double alpha;
  private final long seed;

  /**
   * @param alpha regularisation strength for ridge (‖y − Xβ‖² + α‖β‖²) or LASSO
   *     ((1/2n)‖y − Xβ‖² + α‖β‖₁); NaN to choose it by cross-validation
   */
  public Fitter(Method method, Unit unit, CrossValidation cv, double alpha, long seed) {
    if (!Double.isNaN(alpha) && !(alpha >= 0 && Double.isFinite(alpha))) {
      throw new InvalidInputException("alpha must be a non-negative number, got " + alpha);
    }
    this.method = method;
    this.unit = unit;
    this.cv = cv;
    this.alpha = method == Method.OLS ? 0 : alpha;
    this.seed = seed;
  }

  /** Fits the data; the report goes into the expansion's metadata under {@code fit}. */
  public Result fit(FitData data) {
    Design d = new Design(data, unit);
    int n = data.size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Problem full = new Problem(d, all);
    double[] alphas = Double.isNaN(alpha) ? grid(full) : new double[] {alpha};
    List<int[][]> splits = cv.splits(n, seed);
    double[] squared = new double[alphas.length];
    double[][] outOfFold = new double[alphas.length][n];
    int[] heldOut = new int[n];
    int tests = 0;
    for (int[][] split : splits) {
      Problem p = new Problem(d, split[0]);
      double[] warm = new double[d.columns.length];
      for (int a = 0; a < alphas.length; a++) {
        double[] params = p.solve(alphas[a], warm);
        for (int t : split[1]) {
          double e = d.predict(params, t);
          squared[a] += (e - d.y[t]) * (e - d.y[t]);
          outOfFold[a][t] += e;
        }
      }
      for (int t : split[1]) {
        heldOut[t]++;
      }
      tests += split[1].length;
    }
    double[] cvRmse = new double[alphas.length];
    int best = 0;
    for (int a = 0; a < alphas.length; a++) {
      cvRmse[a] = Math.sqrt(squared[a] / tests);
      if (cvRmse[a] < cvRmse[best]) {
        best = a;
      }
    }
    double[] params = full.solve(alphas[best], new double[d.columns.length]);
    double train = 0;
    List<FitReport.Prediction> predictions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double e = d.predict(params, i);
      train += (e - d.y[i]) * (e - d.y[i]);
      double oof = heldOut[i] == 0 ? Double.NaN : outOfFold[best][i] / heldOut[i];
      predictions.add(new FitReport.Prediction(data.name(i), d.y[i], e, oof));
    }
    List<CorrelationFunction> fns = data.space().functions();
    double[] ecis = new double[fns.size()];
    int nonzero = 0;
    for (CorrelationFunction f : fns) {
      ecis[f.index()] = params[f.index()] / f.multiplicity();
      if (ecis[f.index()] != 0) {
        nonzero++;
      }
    }
    FitReport report = new FitReport(method.label(), unit.label(), cv.describe(), alphas[best],
        n, fns.size(), method == Method.LASSO ? -1 : full.rank(), nonzero,
        Math.sqrt(train / n), cvRmse[best], predictions, alphas, cvRmse);
    ClusterExpansion ce = ClusterExpansion.of(data.space(), ecis,
        Map.of("fit", report.toMap(WORST_IN_METADATA)));
    return new Result(ce, report);
  }

  /** Candidate strengths, largest first (warm starts for LASSO). */
  private double[] grid(Problem full) {
    return switch (method) {
      case OLS -> new double[] {0};
      case RIDGE -> logGrid(full.svd().largest() * full.svd().largest(), 1e-10, 21);
      case LASSO -> logGrid(LinearModels.lassoAlphaMax(full.columns, full.y), 1e-8, 33);
    };
  }

  private static double[] logGrid(double top, double ratio, int points) {
    double[] g = new double[points];
    for (int i = 0; i < points; i++) {
      g[i] = top * Math.pow(ratio, i / (double) (points - 1));
    }
    return g;
  }

  /**
   * The design: y per structure in the unit, and per non-constant correlation function a
   * column of Π_f times the unit's scale (1 per primitive cell, primitive cells / atoms per
   * atom); the constant column is that scale alone.
   */
  private static final class Design {
    final double[] y;
    final double[][] columns;
    final double constant;

    Design(FitData data, Unit unit) {
      int n = data.size();
      int q = data.space().size() - 1;
      y = new double[n];
      columns = new double[q][n];
      double c = Double.NaN;
      for (int i = 0; i < n; i++) {
        double scale = unit == Unit.ATOM ? data.primitiveCells(i) / (double) data.atoms(i) : 1;
        if (i > 0 && Math.abs(scale - c) > 1e-12) {
          throw new InvalidInputException("the structures do not all have the same number of "
              + "atoms per primitive cell");
        }
        c = scale;
        double per = unit == Unit.ATOM ? data.atoms(i) : data.primitiveCells(i);
        y[i] = data.energy(i) / per;
        double[] corr = data.correlations(i);
        for (int f = 0; f < q; f++) {
          columns[f][i] = corr[f + 1] * scale;
        }
      }
      constant = c;
    }

    /** Prediction for structure i from parameters P (P_0 the constant). */
    double predict(double[] params, int i) {
      double e = params[0] * constant;
      for (int f = 0; f < columns.length; f++) {
        e += params[f + 1] * columns[f][i];
      }
      return e;
    }
  }

  /** The centred sub-problem on some rows, solving for any strength of this method. */
  private final class Problem {
    final double[][] columns;
    final double[] y;
    final double[] means;
    final double yMean;
    final double constant;
    final double tolerance;
    private LinearModels.Svd svd;

    Problem(Design d, int[] rows) {
      int m = rows.length;
      int q = d.columns.length;
      this.constant = d.constant;
      columns = new double[q][m];
      means = new double[q];
      y = new double[m];
      double ym = 0;
      for (int r = 0; r < m; r++) {
        ym += d.y[rows[r]] / m;
      }
      double spread = 0;
      for (int r = 0; r < m; r++) {
        y[r] = d.y[rows[r]] - ym;
        spread += y[r] * y[r];
      }
      yMean = ym;
      tolerance = Math.max(1e-10 * Math.sqrt(spread / m), 1e-15);
      for (int f = 0; f < q; f++) {
        double mean = 0;
        for (int r = 0; r < m; r++) {
          mean += d.columns[f][rows[r]] / m;
        }
        means[f] = mean;
        for (int r = 0; r < m; r++) {
          columns[f][r] = d.columns[f][rows[r]] - mean;
        }
      }
    }

    LinearModels.Svd svd() {
      if (svd == null) {
        svd = new LinearModels.Svd(columns, y);
      }
      return svd;
    }

    int rank() {
      return svd().rank();
    }

    /** Parameters (constant first) for strength a; {@code warm} is LASSO's start, updated. */
    double[] solve(double a, double[] warm) {
      double[] beta = method == Method.LASSO
          ? LinearModels.lasso(columns, y, a, warm, tolerance)
          : svd().solve(a);
      double[] params = new double[beta.length + 1];
      double c = yMean;
      for (int f = 0; f < beta.length; f++) {
        params[f + 1] = beta[f];
        c -= means[f] * beta[f];
      }
      params[0] = c / constant;
      return params;
    }
  }
}
