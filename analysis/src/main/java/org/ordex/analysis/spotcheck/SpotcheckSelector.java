package org.ordex.analysis.spotcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ordex.analysis.hull.LowerHull;

/**
 * Chooses the arrangements worth a DFT calculation from a list of candidates: the lowest per
 * composition and those within a window above the lower convex hull (when the candidates
 * have predicted energies), then the most extrapolative by D-optimality on their feature
 * vectors relative to the training set and what is already chosen ({@link DOptimalDesign}),
 * and optionally a diverse spread (farthest from everything chosen in feature space).
 * Symmetry-equivalent candidates (same key) are taken at most once; candidates of the
 * training set (same key) never, nor any whose feature vector equals one of the training set
 * or of an earlier choice (such as a supercell arrangement that repeats a smaller cell's: a
 * calculation that tells the model nothing new). Pure: no I/O.
 */
public final class SpotcheckSelector {
  private SpotcheckSelector() {}

  /**
   * A candidate: id, composition label, binary composition coordinate x (NaN when not
   * binary), predicted energy per atom (NaN when none), feature vector (correlations) and a
   * symmetry key equal for symmetry-equivalent arrangements.
   */
  public record Candidate(String id, String composition, double x, double energyPerAtom,
      double[] features, String key) {}

  /**
   * How many to choose ({@code count}); the lowest {@code lowest} per composition;
   * candidates within {@code hullWindow} eV/atom above the hull (0: none); {@code diverse}
   * slots kept for the farthest-point spread; the D-optimal ridge.
   */
  public record Settings(int count, int lowest, double hullWindow, int diverse, double ridge) {
    public Settings {
      if (count < 1 || lowest < 0 || diverse < 0 || !(hullWindow >= 0) || !(ridge > 0)) {
        throw new IllegalArgumentException("bad selection settings");
      }
    }
  }

  /**
   * One chosen candidate (index into the list), why, its D-optimal grade relative to the
   * training set alone and its height above the hull (eV/atom, NaN when unknown).
   */
  public record Choice(int index, List<String> reasons, double grade, double hullDistance) {}

  /** The choices, in the order they were made. */
  public static List<Choice> select(List<Candidate> candidates, List<double[]> training,
      Set<String> trainingKeys, Settings s) {
    int dim = candidates.isEmpty() ? 0 : candidates.get(0).features().length;
    List<Integer> pool = new ArrayList<>();
    Set<String> seen = new HashSet<>(trainingKeys);
    List<double[]> known = new ArrayList<>(training);
    for (int i = 0; i < candidates.size(); i++) {
      if (seen.add(candidates.get(i).key()) && !repeats(candidates.get(i).features(), known)) {
        pool.add(i);
      }
    }
    DOptimalDesign base = DOptimalDesign.of(dim, training, s.ridge());
    double[] hull = hullDistances(candidates, pool);
    Map<Integer, List<String>> chosen = new LinkedHashMap<>();
    energyChoices(candidates, pool, hull, s, chosen);
    DOptimalDesign design = DOptimalDesign.of(dim, training, s.ridge());
    chosen.keySet().forEach(i -> design.add(candidates.get(i).features()));
    int dOptimal = Math.max(0, s.count() - chosen.size() - s.diverse());
    for (int k = 0; k < dOptimal; k++) {
      int best = -1;
      double bestGrade = -1;
      for (int i : pool) {
        if (!chosen.containsKey(i) && !repeats(candidates.get(i).features(),
            chosenFeatures(candidates, chosen))) {
          double g = design.grade(candidates.get(i).features());
          if (g > bestGrade + 1e-12) {
            bestGrade = g;
            best = i;
          }
        }
      }
      if (best < 0) {
        break;
      }
      chosen.put(best, new ArrayList<>(List.of(String.format(Locale.ROOT,
          "D-optimal: grade %.3g given the training set and earlier choices", bestGrade))));
      design.add(candidates.get(best).features());
    }
    spread(candidates, pool, training, s.count(), chosen);
    List<Choice> out = new ArrayList<>();
    chosen.forEach((i, reasons) -> out.add(new Choice(i, reasons,
        base.grade(candidates.get(i).features()), hull[i])));
    return out;
  }

  /** Height above the lower hull of every pooled candidate with x and energy; else NaN. */
  private static double[] hullDistances(List<Candidate> candidates, List<Integer> pool) {
    double[] d = new double[candidates.size()];
    Arrays.fill(d, Double.NaN);
    List<Integer> with = new ArrayList<>();
    for (int i : pool) {
      Candidate c = candidates.get(i);
      if (Double.isFinite(c.x()) && Double.isFinite(c.energyPerAtom())) {
        with.add(i);
      }
    }
    if (with.isEmpty()) {
      return d;
    }
    double[] x = new double[with.size()];
    double[] y = new double[with.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = candidates.get(with.get(k)).x();
      y[k] = candidates.get(with.get(k)).energyPerAtom();
    }
    LowerHull h = LowerHull.of(x, y);
    for (int k = 0; k < x.length; k++) {
      d[with.get(k)] = y[k] - h.at(x[k]);
    }
    return d;
  }

  /** The lowest per composition, then those near the hull, lowest first, up to the count. */
  private static void energyChoices(List<Candidate> candidates, List<Integer> pool,
      double[] hull, Settings s, Map<Integer, List<String>> chosen) {
    Map<String, List<Integer>> byComposition = new LinkedHashMap<>();
    for (int i : pool) {
      Candidate c = candidates.get(i);
      if (!Double.isNaN(c.energyPerAtom())) {
        // one composition: the same x whatever the cell size (Co2Mn4 and Co4Mn8)
        String group = Double.isFinite(c.x()) ? String.format(Locale.ROOT, "%.9f", c.x())
            : c.composition();
        byComposition.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> list : byComposition.values()) {
      list.sort((a, b) -> Double.compare(candidates.get(a).energyPerAtom(),
          candidates.get(b).energyPerAtom()));
      int rank = 0;
      for (int i : list) {
        if (rank >= s.lowest() || chosen.size() >= s.count()) {
          break;
        }
        if (repeats(candidates.get(i).features(), chosenFeatures(candidates, chosen))) {
          continue;
        }
        rank++;
        Candidate c = candidates.get(i);
        chosen.computeIfAbsent(i, k -> new ArrayList<>()).add(rank == 1
            ? "lowest predicted energy at " + c.composition()
            : "predicted energy rank " + rank + " at " + c.composition());
      }
    }
    if (s.hullWindow() > 0) {
      List<Integer> near = new ArrayList<>();
      for (int i : pool) {
        if (hull[i] <= s.hullWindow() + 1e-12) {
          near.add(i);
        }
      }
      near.sort((a, b) -> Double.compare(hull[a], hull[b]));
      for (int i : near) {
        if (!chosen.containsKey(i) && (chosen.size() >= s.count()
            || repeats(candidates.get(i).features(), chosenFeatures(candidates, chosen)))) {
          continue;
        }
        chosen.computeIfAbsent(i, k -> new ArrayList<>()).add(String.format(Locale.ROOT,
            "%.1f meV/atom above the predicted hull", hull[i] * 1000));
      }
    }
  }

  /** Fills the remaining slots by farthest-point sampling in feature space. */
  private static void spread(List<Candidate> candidates, List<Integer> pool,
      List<double[]> training, int count, Map<Integer, List<String>> chosen) {
    List<double[]> taken = new ArrayList<>(training);
    chosen.keySet().forEach(i -> taken.add(candidates.get(i).features()));
    while (chosen.size() < count) {
      int best = -1;
      double bestDistance = -1;
      for (int i : pool) {
        if (!chosen.containsKey(i) && !repeats(candidates.get(i).features(), taken)) {
          double d = nearest(candidates.get(i).features(), taken);
          if (d > bestDistance + 1e-12) {
            bestDistance = d;
            best = i;
          }
        }
      }
      if (best < 0) {
        return;
      }
      chosen.put(best, new ArrayList<>(List.of(String.format(Locale.ROOT,
          "diverse: %.3g from the nearest chosen or training arrangement in correlation space",
          bestDistance))));
      taken.add(candidates.get(best).features());
    }
  }

  /** True when {@code x} equals (to 1e-9) one of the vectors. */
  static boolean repeats(double[] x, List<double[]> vectors) {
    for (double[] v : vectors) {
      boolean same = true;
      for (int k = 0; k < x.length && same; k++) {
        same = Math.abs(x[k] - v[k]) <= 1e-9;
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  private static List<double[]> chosenFeatures(List<Candidate> candidates,
      Map<Integer, List<String>> chosen) {
    List<double[]> f = new ArrayList<>();
    chosen.keySet().forEach(i -> f.add(candidates.get(i).features()));
    return f;
  }

  private static double nearest(double[] x, List<double[]> taken) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] t : taken) {
      double s = 0;
      for (int k = 0; k < x.length; k++) {
        double d = x[k] - t[k];
        s += d * d;
      }
      best = Math.min(best, Math.sqrt(s));
    }
    return best;
  }
}
