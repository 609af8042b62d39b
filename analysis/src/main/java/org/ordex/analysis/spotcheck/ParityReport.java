package org.ordex.analysis.spotcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordex.analysis.hull.FormationHull;
import org.ordex.analysis.hull.HullEntry;

/**
 * Predicted against DFT energies of spot-checked arrangements of a binary system: mixing
 * (formation) energies per atom relative to each side's own end members (DFT references for
 * DFT, predicted references for predictions; {@link FormationHull}), their RMSE, MAE and
 * largest error, and per composition Spearman's rank correlation and whether the predicted
 * lowest arrangement is the DFT lowest. When the set lacks an end member the comparison is
 * on energies per atom instead (said in {@link #quantity()}). Immutable.
 */
public final class ParityReport {
  /** One compared arrangement (energies in eV per cell). */
  public record Row(String id, String composition, double x, int sites, int atoms,
      double dft, double predicted) {}

  /** Per composition: members, Spearman ρ (NaN below 2 members), lowest agreement. */
  public record CompositionStats(String composition, int count, double spearman,
      String dftLowest, String predictedLowest) {
    public boolean lowestAgrees() {
      return dftLowest.equals(predictedLowest);
    }
  }

  private final List<Row> rows;
  private final String quantity;
  private final double[] dftValues;
  private final double[] predictedValues;
  private final List<CompositionStats> compositions;

  private ParityReport(List<Row> rows, String quantity, double[] dft, double[] predicted,
      List<CompositionStats> compositions) {
    this.rows = rows;
    this.quantity = quantity;
    this.dftValues = dft;
    this.predictedValues = predicted;
    this.compositions = compositions;
  }

  /** The report of the rows (at least one). */
  public static ParityReport of(List<Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows");
    }
    double[] dft = new double[rows.size()];
    double[] pred = new double[rows.size()];
    boolean mixing = hasEndMembers(rows);
    if (mixing) {
      FormationHull hd = FormationHull.of(entries(rows, true), "A", "B");
      FormationHull hp = FormationHull.of(entries(rows, false), "A", "B");
      for (int i = 0; i < dft.length; i++) {
        double perAtom = rows.get(i).sites() / (double) rows.get(i).atoms();
        dft[i] = hd.formation(i) * perAtom;
        pred[i] = hp.formation(i) * perAtom;
      }
    } else {
      for (int i = 0; i < dft.length; i++) {
        dft[i] = rows.get(i).dft() / rows.get(i).atoms();
        pred[i] = rows.get(i).predicted() / rows.get(i).atoms();
      }
    }
    Map<String, List<Integer>> byComposition = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byComposition.computeIfAbsent(rows.get(i).composition(), c -> new ArrayList<>()).add(i);
    }
    List<CompositionStats> stats = new ArrayList<>();
    byComposition.forEach((comp, idx) -> {
      double[] a = new double[idx.size()];
      double[] b = new double[idx.size()];
      int lowD = idx.get(0);
      int lowP = idx.get(0);
      for (int k = 0; k < a.length; k++) {
        int i = idx.get(k);
        a[k] = dft[i];
        b[k] = pred[i];
        lowD = dft[i] < dft[lowD] ? i : lowD;
        lowP = pred[i] < pred[lowP] ? i : lowP;
      }
      stats.add(new CompositionStats(comp, a.length, a.length < 2 ? Double.NaN
          : spearman(a, b), rows.get(lowD).id(), rows.get(lowP).id()));
    });
    return new ParityReport(List.copyOf(rows), mixing ? "mixing energy per atom"
        : "energy per atom (no end members in the set)", dft, pred, stats);
  }

  private static boolean hasEndMembers(List<Row> rows) {
    boolean a = false;
    boolean b = false;
    for (Row r : rows) {
      a |= r.x() == 1;
      b |= r.x() == 0;
    }
    return a && b;
  }

  private static List<HullEntry> entries(List<Row> rows, boolean dft) {
    List<HullEntry> list = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      list.add(new HullEntry("", i + 1, r.id(), r.composition(), r.sites(), r.x(),
          dft ? r.dft() : r.predicted()));
    }
    return list;
  }

  /** Spearman's ρ: Pearson correlation of the ranks (ties get their mean rank). */
  static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < ra.length; i++) {
      ma += ra[i] / ra.length;
      mb += rb[i] / rb.length;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < ra.length; i++) {
      sab += (ra[i] - ma) * (rb[i] - mb);
      saa += (ra[i] - ma) * (ra[i] - ma);
      sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }

  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < v.length) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        r[order[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }

  public List<Row> rows() {
    return rows;
  }

  /** What is compared: "mixing energy per atom" or "energy per atom (…)". */
  public String quantity() {
    return quantity;
  }

  /** The compared DFT value of row i (eV per atom). */
  public double dft(int i) {
    return dftValues[i];
  }

  /** The compared predicted value of row i (eV per atom). */
  public double predicted(int i) {
    return predictedValues[i];
  }

  /** Root-mean-square error (eV per atom). */
  public double rmse() {
    double s = 0;
    for (int i = 0; i < dftValues.length; i++) {
      double e = predictedValues[i] - dftValues[i];
      s += e * e;
    }
    return Math.sqrt(s / dftValues.length);
  }

  /** Mean absolute error (eV per atom). */
  public double mae() {
    double s = 0;
    for (int i = 0; i < dftValues.length; i++) {
      s += Math.abs(predictedValues[i] - dftValues[i]);
    }
    return s / dftValues.length;
  }

  /** Index of the row with the largest absolute error. */
  public int worst() {
    int w = 0;
    for (int i = 1; i < dftValues.length; i++) {
      if (Math.abs(predictedValues[i] - dftValues[i])
          > Math.abs(predictedValues[w] - dftValues[w])) {
        w = i;
      }
    }
    return w;
  }

  /** Largest absolute error (eV per atom). */
  public double maxError() {
    int w = worst();
    return Math.abs(predictedValues[w] - dftValues[w]);
  }

  public List<CompositionStats> compositions() {
    return compositions;
  }
}
