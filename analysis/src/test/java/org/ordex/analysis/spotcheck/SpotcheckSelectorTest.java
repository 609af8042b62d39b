package org.ordex.analysis.spotcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.InvalidInputException;

class SpotcheckSelectorTest {
  @Test
  void shermanMorrisonGradeEqualsTheDirectLeverage() {
    Random rnd = new Random(5);
    int dim = 6;
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(random(rnd, dim));
    }
    DOptimalDesign d = DOptimalDesign.of(dim, rows.subList(0, 2), 0.01);
    d.add(rows.get(2));
    d.add(rows.get(3));
    DMatrixRMaj m = new DMatrixRMaj(dim, dim);
    for (int i = 0; i < dim; i++) {
      m.set(i, i, 0.01);
    }
    for (double[] x : rows) {
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          m.add(i, j, x[i] * x[j]);
        }
      }
    }
    CommonOps_DDRM.invert(m);
    for (int t = 0; t < 5; t++) {
      double[] x = random(rnd, dim);
      double direct = 0;
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          direct += x[i] * m.get(i, j) * x[j];
        }
      }
      assertEquals(direct, d.grade(x), 1e-9 * Math.max(1, direct));
    }
  }

  @Test
  void trainingRowsInterpolateAndNewDirectionsExtrapolate() {
    List<double[]> training = List.of(new double[] {1, 0, 0}, new double[] {1, 1, 0},
        new double[] {1, -1, 0});
    DOptimalDesign d = DOptimalDesign.of(3, training, 1e-6);
    for (double[] x : training) {
      assertTrue(d.grade(x) <= 1, "a training row has leverage ≤ 1");
    }
    assertTrue(d.grade(new double[] {1, 0, 1}) > 1000, "unspanned direction");
    assertTrue(d.grade(new double[] {1, 3, 0}) > 1, "outside the spanned range");
  }

  static double[] random(Random rnd, int dim) {
    double[] x = new double[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = rnd.nextGaussian();
    }
    return x;
  }

  static SpotcheckSelector.Candidate c(String id, String comp, double x, double e,
      double[] f, String key) {
    return new SpotcheckSelector.Candidate(id, comp, x, e, f, key);
  }

  @Test
  void lowestPerCompositionHullThenDOptimalNeverEquivalentTwice() {
    List<SpotcheckSelector.Candidate> cands = List.of(
        c("a0", "A2", 1, 0.0, new double[] {1, 1, 1}, "ka0"),
        c("b0", "B2", 0, 0.0, new double[] {1, -1, 1}, "kb0"),
        c("m1", "AB", 0.5, -0.010, new double[] {1, 0, -1}, "km1"),
        c("m1twin", "AB", 0.5, -0.010, new double[] {1, 0, -1}, "km1"), // equivalent to m1
        c("m2", "AB", 0.5, -0.008, new double[] {1, 0, 0.5}, "km2"),
        c("m3", "AB", 0.5, 0.050, new double[] {1, 0.2, 0.3}, "km3"),
        c("t", "AB", 0.5, -1.0, new double[] {1, 0, 0}, "kt")); // in the training set
    List<SpotcheckSelector.Choice> ch = SpotcheckSelector.select(cands,
        List.of(new double[] {1, 0, 0}), Set.of("kt"),
        new SpotcheckSelector.Settings(5, 1, 0.005, 0, 1e-3));
    List<String> ids = new ArrayList<>();
    ch.forEach(x -> ids.add(cands.get(x.index()).id()));
    assertEquals(List.of("a0", "b0", "m1", "m2", "m3"), ids);
    assertTrue(ch.get(2).reasons().get(0).startsWith("lowest predicted energy at AB"));
    assertTrue(ch.get(2).reasons().get(1).contains("0.0 meV/atom above"), ch.get(2).reasons()
        .toString());
    assertTrue(ch.get(3).reasons().get(0).contains("2.0 meV/atom above"));
    assertTrue(ch.get(4).reasons().get(0).startsWith("D-optimal"));
    assertEquals(0.060, ch.get(4).hullDistance(), 1e-12);
  }

  @Test
  void repeatsOfTrainingOrChosenFeaturesAreNeverChosen() {
    // a doubled cell repeating a training arrangement: other key, same correlations
    List<SpotcheckSelector.Candidate> cands = List.of(
        c("doubled", "A4B4", 0.5, Double.NaN, new double[] {1, 0.5, 0}, "big:1"),
        c("new1", "A4B4", 0.5, Double.NaN, new double[] {1, 0, 0.7}, "big:2"),
        c("new1b", "A4B4", 0.5, Double.NaN, new double[] {1, 0, 0.7}, "big:3"));
    List<SpotcheckSelector.Choice> ch = SpotcheckSelector.select(cands,
        List.of(new double[] {1, 0.5, 0}), Set.of("small:1"),
        new SpotcheckSelector.Settings(3, 1, 0, 0, 1e-3));
    assertEquals(1, ch.size(), "only one informative candidate");
    assertEquals(1, ch.get(0).index());
  }

  @Test
  void diverseSlotsTakeTheFarthest() {
    List<SpotcheckSelector.Candidate> cands = List.of(
        c("near", "X", Double.NaN, Double.NaN, new double[] {1, 0.1}, "1"),
        c("far", "X", Double.NaN, Double.NaN, new double[] {1, 5}, "2"));
    List<SpotcheckSelector.Choice> ch = SpotcheckSelector.select(cands,
        List.of(new double[] {1, 0}), Set.of(), new SpotcheckSelector.Settings(1, 0, 0, 1,
            1e-3));
    assertEquals(1, ch.get(0).index());
    assertTrue(ch.get(0).reasons().get(0).startsWith("diverse"));
  }

  @Test
  void manifestRoundTripAndBadManifests(@TempDir Path dir) throws Exception {
    Manifest m = new Manifest("sys.yaml", "ce.json", List.of(new Manifest.Entry("Co2Mn4-3",
        "Co2Mn4-3", "Co2Mn4O8", 14, List.of("lowest", "D-optimal"), -101.5, 2.5,
        java.util.Map.of("composition", "Co2Mn4"))));
    Path p = dir.resolve("manifest.json");
    m.write(p);
    Manifest back = Manifest.read(p);
    assertEquals(m, back);
    java.nio.file.Files.writeString(p, "{\"format\": \"ordex-spotcheck-manifest/1\", "
        + "\"entries\": [{\"id\": \"../x\"}]}");
    assertThrows(InvalidInputException.class, () -> Manifest.read(p));
    java.nio.file.Files.writeString(p, "{\"format\": \"ordex-spotcheck-manifest/1\", "
        + "\"entries\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}");
    assertThrows(InvalidInputException.class, () -> Manifest.read(p));
    java.nio.file.Files.writeString(p, "not json");
    assertThrows(InvalidInputException.class, () -> Manifest.read(p));
  }
}
