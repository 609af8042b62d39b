package org.ordex.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.SupercellEnergy;

/** Observables on configurations with known values. */
class ObservablesTest {
  private static double[] measure(Supercell cell, SupercellEnergy model, byte[] occ,
      Observables o) {
    Chain chain = new Chain(SiteLayout.of(cell), model, new Ensemble.Canonical(), occ,
        Rng.stream(0, 0), 300);
    double[] v = new double[o.size()];
    o.measure(chain, v, o.scratch());
    return v;
  }

  @Test
  void checkerboardOrderOnTheSquareLattice() {
    Supercell cell = TestSystems.square(4);
    SiteLayout layout = SiteLayout.of(cell);
    Observables o = new Observables(layout, 3);
    assertEquals(List.of("c(A)", "c(B)", "x(1a:A)", "x(1a:B)", "sro1(A-B)", "sro2(A-B)",
        "sro3(A-B)"), o.names());
    assertEquals(1.0, o.shellDistance(0), 1e-9);
    assertEquals(Math.sqrt(2), o.shellDistance(1), 1e-9);
    assertEquals(2.0, o.shellDistance(2), 1e-9);
    byte[] occ = new byte[16];
    for (int a = 0; a < 16; a++) {
      double[] f = cell.fractional(cell.activeSite(a));
      int x = (int) Math.round(f[0] * 4);
      int y = (int) Math.round(f[1] * 4);
      occ[a] = (byte) ((x + y) % 2);
    }
    double[] v = measure(cell, TestSystems.ising(cell).bind(cell), occ, o);
    assertEquals(0.5, v[0], 0);
    assertEquals(0.5, v[3], 0);
    assertEquals(-1, v[4], 1e-12);
    assertEquals(1, v[5], 1e-12);
    assertEquals(1, v[6], 1e-12);
  }

  @Test
  void spinelShellsAndInversion() {
    Supercell cell = TestSystems.spinel();
    SiteLayout layout = SiteLayout.of(cell);
    Observables o = new Observables(layout, 3);
    double a = 8.0835;
    assertEquals(a * Math.sqrt(2) / 4, o.shellDistance(0), 1e-6);
    assertEquals(a * Math.sqrt(11) / 8, o.shellDistance(1), 1e-6);
    assertEquals(a * Math.sqrt(3) / 4, o.shellDistance(2), 1e-6);
    byte[] normal = new byte[24];
    int mn = cell.parent().speciesIndex("Mn");
    for (int s = 0; s < 24; s++) {
      normal[s] = (byte) (layout.sublatticeOf(s) == 0 ? 1 - mn : mn);
    }
    double[] v = measure(cell, TestSystems.spinelModel(cell).bind(cell), normal, o);
    List<String> names = o.names();
    assertEquals(0.0, v[names.indexOf("x(8a:Mn)")], 0);
    assertEquals(1.0, v[names.indexOf("x(16d:Mn)")], 0);
    assertEquals(2.0 / 3, v[names.indexOf("c(Mn)")], 1e-12);
    // 16d–16d pairs are all Mn–Mn: no Co–Mn pairs in the first shell
    assertEquals(1.0, v[names.indexOf("sro1(Co-Mn)")], 1e-12);
    // 8a–16d pairs are all Co–Mn, so half of the directed pairs are (Co,Mn): α = 1 − ½/(⅓·⅔)
    assertEquals(1 - 0.5 / (2.0 / 9), v[names.indexOf("sro2(Co-Mn)")], 1e-12);
  }

  @Test
  void randomArrangementsHaveNoShortRangeOrderOnAverage() {
    Supercell cell = TestSystems.square(16);
    SiteLayout layout = SiteLayout.of(cell);
    SupercellEnergy model = TestSystems.ising(cell).bind(cell);
    Observables o = new Observables(layout, 2);
    Composition c = Composition.parse("A=128", cell);
    double sum = 0;
    int n = 400;
    for (int k = 0; k < n; k++) {
      byte[] occ = Occupations.random(layout, c, Rng.stream(k, 1));
      sum += measure(cell, model, occ, o)[4];
    }
    // exact mean of α over random arrangements at fixed composition: −1/(N−1) = −0.0039
    assertEquals(-1.0 / 255, sum / n, 0.006);
  }
}
