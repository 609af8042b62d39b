package org.ordex.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemFile;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.Units;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

class MeanFieldTest {
  static final double KB = Units.KB;

  static Supercell spinel(String cell) throws Exception {
    Path p = Files.createTempFile("spinel", ".yaml");
    Files.writeString(p, "name: s\nparent: {prototype: spinel, cell: " + cell
        + ", a: 8.0835, u: 0.264}\nsites: {8a: [Co, Mn], 16d: [Co, Mn], 32e: [O]}\n"
        + "supercell: 1x1x1\n");
    try {
      return SystemFile.read(p).supercell();
    } finally {
      Files.delete(p);
    }
  }

  static ClusterExpansion randomCe(Supercell cell, long seed, double... cutoffs) {
    ClusterSpace space = ClusterSpace.of(cell.parent(), cutoffs);
    Random r = new Random(seed);
    double[] ecis = new double[space.size()];
    for (int i = 0; i < ecis.length; i++) {
      ecis[i] = 0.05 * r.nextGaussian();
    }
    return ClusterExpansion.of(space, ecis);
  }

  /** Active sublattice (0 = 8a, 1 = 16d) of every active site. */
  static int[] sublatticeOfSites(Supercell cell) {
    int[] l = new int[cell.activeSiteCount()];
    for (int a = 0; a < l.length; a++) {
      l[a] = cell.parent().sublatticeOf(cell.parentSite(cell.activeSite(a))).label()
          .equals("8a") ? 0 : 1;
    }
    return l;
  }

  @Test
  void clusterExpansionMeanFieldIsTheExpectationOverIndependentSites() throws Exception {
    Supercell cell = spinel("primitive");
    ClusterExpansion ce = randomCe(cell, 4, 3.6, 3.4);
    SupercellEnergy exact = ce.bind(cell);
    ClusterExpansionMeanField mf = ClusterExpansionMeanField.of(ce, cell);
    assertEquals(2, mf.sublatticeCount());
    int[] sub = sublatticeOfSites(cell);
    int n = sub.length;
    for (double[] c : new double[][] {{0.3, 0.8}, {0.5, 0.5}, {0.9, 0.1}, {0, 1}, {1, 1}}) {
      double expectation = 0;
      byte[] occ = new byte[n];
      for (int m = 0; m < 1 << n; m++) {
        double p = 1;
        for (int a = 0; a < n; a++) {
          boolean isA = (m >> a & 1) == 1;
          occ[a] = (byte) (isA ? 0 : 1);
          p *= isA ? c[sub[a]] : 1 - c[sub[a]];
        }
        expectation += p * exact.energy(occ);
      }
      assertEquals(expectation, mf.energy(c), 1e-12, java.util.Arrays.toString(c));
    }
  }

  @Test
  void clusterExpansionMeanFieldIsExactForOrderedSublattices() throws Exception {
    Supercell cell = spinel("conventional");
    ClusterExpansion ce = randomCe(cell, 8, 6.0, 4.0);
    ClusterExpansionMeanField mf = ClusterExpansionMeanField.of(ce, cell);
    int[] sub = sublatticeOfSites(cell);
    for (int tet = 0; tet <= 1; tet++) {
      for (int oct = 0; oct <= 1; oct++) {
        byte[] occ = new byte[sub.length];
        for (int a = 0; a < occ.length; a++) {
          occ[a] = (byte) ((sub[a] == 0 ? tet : oct) == 1 ? 0 : 1);
        }
        assertEquals(ce.bind(cell).energy(occ), mf.energy(new double[] {tet, oct}), 1e-10);
      }
    }
  }

  @Test
  void fitRecoversAPolynomial() {
    Random r = new Random(3);
    double[][] c = new double[40][];
    double[] e = new double[40];
    for (int i = 0; i < c.length; i++) {
      c[i] = new double[] {r.nextDouble(), r.nextDouble()};
      e[i] = 1.5 - 2 * c[i][0] + 0.7 * c[i][0] * c[i][1] * c[i][1] + 3 * c[i][1] * c[i][1];
    }
    FittedMeanField f = FittedMeanField.fit(c, e, 3);
    assertTrue(f.rms() < 1e-12, "rms " + f.rms());
    assertEquals(1.5 - 2 * 0.2 + 0.7 * 0.2 * 0.49 + 3 * 0.49, f.energy(new double[] {0.2, 0.7}),
        1e-12);
    assertEquals(10, FittedMeanField.monomials(2, 3).length);
  }

  /** E = Ω N c (1 − c) on one sublattice: a regular solution. */
  static MeanFieldEnergy regular(double omega, int sites) {
    return new MeanFieldEnergy() {
      public int sublatticeCount() {
        return 1;
      }

      public double energy(double[] c) {
        return omega * sites * c[0] * (1 - c[0]);
      }

      public String describe() {
        return "regular solution";
      }
    };
  }

  @Test
  void regularSolutionGapClosesAtOmegaOverTwoKb() {
    double omega = 0.05;
    int sites = 1000;
    BraggWilliams bw = new BraggWilliams(regular(omega, sites), new int[] {sites});
    double[] x = new double[401];
    for (int i = 0; i < x.length; i++) {
      x[i] = i / 400.0;
    }
    java.util.function.DoublePredicate gap = t -> {
      double[] f = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        f[i] = bw.minimize(x[i] * sites, t).freeEnergy() / sites;
      }
      return !CommonTangents.twoPhaseRegions(x, f, 1e-12).isEmpty();
    };
    double[] grid = {50, 100, 150, 200, 250, 300, 350, 400, 450, 500};
    OptionalDouble tc = CriticalTemperature.find(grid, gap, 0.01);
    assertTrue(tc.isPresent());
    assertEquals(omega / (2 * KB), tc.getAsDouble(), 2.0);
    double[] f = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = bw.minimize(x[i] * sites, 200).freeEnergy() / sites;
    }
    List<CommonTangents.TwoPhase> regions = CommonTangents.twoPhaseRegions(x, f, 1e-12);
    assertEquals(1, regions.size());
    double b = omega / (KB * 200);
    double x1 = regions.get(0).x1();
    // binodal of the regular solution: ln(x/(1−x)) = −β Ω (1 − 2x)
    assertEquals(Math.log(x1 / (1 - x1)), -b * (1 - 2 * x1), 0.05);
    assertEquals(1, regions.get(0).x2() + x1, 1e-9);
  }

  @Test
  void siteEnergiesGiveFermiLikeInversion() {
    double eps = 0.1;
    MeanFieldEnergy e = new MeanFieldEnergy() {
      public int sublatticeCount() {
        return 2;
      }

      public double energy(double[] c) {
        return 8 * eps * c[0];
      }

      public String describe() {
        return "A costs eps on tetrahedral sites";
      }
    };
    BraggWilliams bw = new BraggWilliams(e, new int[] {8, 16});
    for (double t : new double[] {300, 800, 2000}) {
      BraggWilliams.State s = bw.minimize(12, t);
      double ct = s.c()[0];
      double co = s.c()[1];
      assertEquals(12, 8 * ct + 16 * co, 1e-9);
      assertEquals(Math.log(ct / (1 - ct)), Math.log(co / (1 - co)) - eps / (KB * t), 1e-6);
    }
  }
}
