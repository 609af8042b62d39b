package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Supercell;

class FitterTest {
  static final ParentLattice FCC = TestLattices.fcc(false, "Cu", "Au");
  static final ClusterSpace SPACE = ClusterSpace.of(FCC, 5.0, 3.0);

  /** Random configurations in several supercells with energies of known ECIs (+ noise). */
  static FitData synthetic(double[] ecis, int count, double noisePerCell, long seed) {
    Random random = new Random(seed);
    ClusterExpansion truth = ClusterExpansion.of(SPACE, ecis);
    List<Supercell> cells = List.of(Supercell.diagonal(FCC, 2, 2, 2),
        Supercell.diagonal(FCC, 2, 2, 1), Supercell.of(FCC, new int[][] {{1, 1, 0}, {0, 2, 0},
            {0, 0, 2}}));
    List<String> names = new ArrayList<>();
    List<Configuration> configs = new ArrayList<>();
    double[] energies = new double[count];
    for (int i = 0; i < count; i++) {
      Supercell cell = cells.get(i % cells.size());
      double x = random.nextDouble();
      byte[] occ = new byte[cell.activeSiteCount()];
      for (int a = 0; a < occ.length; a++) {
        occ[a] = (byte) (random.nextDouble() < x ? 1 : 0);
      }
      int prim = cell.volumeFactor() * SPACE.primitiveCellsPerParentCell();
      energies[i] = truth.bind(cell).energy(occ) + noisePerCell * prim * random.nextGaussian();
      configs.add(Configuration.of(cell, occ));
      names.add("s" + i);
    }
    return FitData.of(SPACE, names, configs, energies);
  }

  static final double[] ECIS = {-3.5, 0.02, 0.08, -0.015, 0.006, 0.01};

  static Fitter fitter(Fitter.Method m, double alpha) {
    return new Fitter(m, Fitter.Unit.PRIMITIVE_CELL, CrossValidation.kFold(5), alpha, 1);
  }

  @Test
  void noiseFreeDataRecoversTheEcis() {
    FitData data = synthetic(ECIS, 60, 0, 1);
    Fitter.Result ols = fitter(Fitter.Method.OLS, Double.NaN).fit(data);
    assertArrayEquals(ECIS, ols.expansion().ecis(), 1e-10);
    assertTrue(ols.report().trainRmse() < 1e-10);
    assertTrue(ols.report().cvRmse() < 1e-9);
    assertEquals(SPACE.size() - 1, ols.report().rank());
    Fitter.Result ridge = fitter(Fitter.Method.RIDGE, 1e-12).fit(data);
    assertArrayEquals(ECIS, ridge.expansion().ecis(), 1e-8);
    Fitter.Result lasso = fitter(Fitter.Method.LASSO, 1e-10).fit(data);
    assertArrayEquals(ECIS, lasso.expansion().ecis(), 1e-6);
    Fitter.Result perAtom = new Fitter(Fitter.Method.OLS, Fitter.Unit.ATOM,
        CrossValidation.leaveOneOut(), 0, 1).fit(data);
    assertArrayEquals(ECIS, perAtom.expansion().ecis(), 1e-10);
    assertEquals("eV per atom", perAtom.report().unit());
  }

  @Test
  void lassoDropsAbsentClusters() {
    double[] sparse = {-3.5, 0.02, 0.08, 0, 0, 0.01};
    FitData data = synthetic(sparse, 90, 0.001, 2);
    Fitter.Result lasso = fitter(Fitter.Method.LASSO, Double.NaN).fit(data);
    double[] j = lasso.expansion().ecis();
    assertEquals(0.08, j[2], 2e-3);
    assertTrue(lasso.report().nonzero() <= 6);
    assertTrue(lasso.report().alphas().length > 1);
  }

  @Test
  void noisyDataGivesAnHonestCrossValidationError() {
    double sigma = 0.005;
    FitData data = synthetic(ECIS, 240, sigma, 3);
    for (Fitter.Method m : Fitter.Method.values()) {
      FitReport r = new Fitter(m, Fitter.Unit.PRIMITIVE_CELL, CrossValidation.kFold(10),
          Double.NaN, 4).fit(data).report();
      assertTrue(r.cvRmse() > 0.85 * sigma && r.cvRmse() < 1.2 * sigma, m + ": " + r.cvRmse());
      assertTrue(r.trainRmse() < r.cvRmse(), m + ": " + r.trainRmse());
      assertEquals(240, r.predictions().size());
      assertTrue(r.predictions().stream().noneMatch(p -> Double.isNaN(p.cvPredicted())));
    }
    // a fresh, independent test set is predicted as well as cross-validation promised
    Fitter.Result ols = fitter(Fitter.Method.OLS, Double.NaN).fit(data);
    FitData fresh = synthetic(ECIS, 240, sigma, 99);
    double sq = 0;
    for (int i = 0; i < fresh.size(); i++) {
      double e = ols.expansion().energyPerPrimitiveCell(fresh.correlations(i));
      double ref = fresh.energy(i) / fresh.primitiveCells(i);
      sq += (e - ref) * (e - ref);
    }
    double testRmse = Math.sqrt(sq / fresh.size());
    assertEquals(ols.report().cvRmse(), testRmse, 0.15 * sigma);
  }

  @Test
  void reportListsTheWorstStructures() {
    FitData data = synthetic(ECIS, 60, 0.002, 5);
    FitReport r = fitter(Fitter.Method.RIDGE, Double.NaN).fit(data).report();
    List<FitReport.Prediction> worst = r.worst(3);
    assertEquals(3, worst.size());
    for (FitReport.Prediction p : r.predictions()) {
      assertTrue(Math.abs(p.error()) <= Math.abs(worst.get(0).error()));
    }
    String text = r.toText(3);
    assertTrue(text.contains("RMSE         train"), text);
    assertTrue(r.toMap(3).containsKey("alphaPath"));
  }
}
