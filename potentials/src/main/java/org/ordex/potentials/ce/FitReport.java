package org.ordex.potentials.ce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a fit did and how well it predicts: method, energy unit, regularisation strength and
 * how it was chosen, training and cross-validation RMSE (in the fit's unit), the number of
 * nonzero ECIs, and per structure the reference energy, the fitted prediction and the
 * out-of-fold prediction (NaN when a shuffle-split never held it out). Immutable.
 *
 * @param alpha regularisation strength (0 for least squares)
 * @param rank rank of the centred design (SVD; −1 for LASSO)
 * @param alphas the strengths tried by cross-validation, with {@code cvRmses}
 */
public record FitReport(String method, String unit, String crossValidation, double alpha,
    int structures, int parameters, int rank, int nonzero, double trainRmse, double cvRmse,
    List<Prediction> predictions, double[] alphas, double[] cvRmses) {

  /** One structure: energies in the fit's unit. */
  public record Prediction(String name, double reference, double predicted,
      double cvPredicted) {

    /** The out-of-fold error when known, else the training error. */
    public double error() {
      return Double.isNaN(cvPredicted) ? predicted - reference : cvPredicted - reference;
    }
  }

  /** The k structures with the largest |error| (out-of-fold when known), largest first. */
  public List<Prediction> worst(int k) {
    List<Prediction> sorted = new ArrayList<>(predictions);
    sorted.sort(Comparator.comparingDouble((Prediction p) -> -Math.abs(p.error())));
    return sorted.subList(0, Math.min(k, sorted.size()));
  }

  /** The report as JSON-ready values (the worst {@code k} structures listed). */
  public Map<String, Object> toMap(int k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", method);
    m.put("unit", unit);
    m.put("crossValidation", crossValidation);
    m.put("alpha", alpha);
    m.put("structures", structures);
    m.put("parameters", parameters);
    if (rank >= 0) {
      m.put("rank", rank);
    }
    m.put("nonzeroEcis", nonzero);
    m.put("trainRmse", trainRmse);
    m.put("cvRmse", cvRmse);
    if (alphas.length > 1) {
      List<Map<String, Object>> path = new ArrayList<>();
      for (int a = 0; a < alphas.length; a++) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", alphas[a]);
        p.put("cvRmse", cvRmses[a]);
        path.add(p);
      }
      m.put("alphaPath", path);
    }
    List<Map<String, Object>> worst = new ArrayList<>();
    for (Prediction p : worst(k)) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("name", p.name());
      w.put("reference", p.reference());
      w.put("predicted", p.predicted());
      w.put("cvPredicted", p.cvPredicted());
      worst.add(w);
    }
    m.put("worst", worst);
    return m;
  }

  /** Human-readable summary with the worst {@code k} structures; energies in meV. */
  public String toText(int k) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Fit          %s%s%n", method, alphas.length > 1
        ? String.format(Locale.ROOT, ", alpha = %.4g chosen by %s cross-validation among %d "
            + "values", alpha, crossValidation, alphas.length)
        : alpha > 0 ? String.format(Locale.ROOT, ", alpha = %.4g", alpha) : ""));
    b.append(String.format(Locale.ROOT, "Data         %d structures; energies in %s%n",
        structures, unit));
    b.append(String.format(Locale.ROOT, "ECIs         %d of %d nonzero%s%n", nonzero, parameters,
        rank >= 0 ? " (design rank " + rank + " without the constant)" : ""));
    b.append(String.format(Locale.ROOT, "RMSE         train %.3f meV, cross-validation (%s) "
        + "%.3f meV, %s%n", 1e3 * trainRmse, crossValidation, 1e3 * cvRmse, unit));
    b.append(String.format(Locale.ROOT, "Worst predicted (out-of-fold; %s)%n", unit));
    b.append(String.format(Locale.ROOT, "  %16s %16s %11s  %s%n", "reference/eV",
        "predicted/eV", "error/meV", "structure"));
    for (Prediction p : worst(k)) {
      double predicted = Double.isNaN(p.cvPredicted()) ? p.predicted() : p.cvPredicted();
      b.append(String.format(Locale.ROOT, "  %16.6f %16.6f %11.3f  %s%n", p.reference(),
          predicted, 1e3 * p.error(), p.name()));
    }
    return b.toString();
  }
}
