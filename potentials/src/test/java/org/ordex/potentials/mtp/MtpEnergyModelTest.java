package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

class MtpEnergyModelTest {
  /** Co plays Li (type 0), Mn plays Ti (type 2) of the trained LiTi2O4 potential. */
  static final MlipTypes LITIO_AS_COMNO = MlipTypes.parse("Co,O,Mn");

  private static byte[] normalSpinel(Supercell cell) {
    byte[] occ = new byte[cell.activeSiteCount()];
    int co = cell.parent().speciesIndex("Co");
    int mn = cell.parent().speciesIndex("Mn");
    for (int a = 0; a < occ.length; a++) {
      String label = cell.parent().label(cell.parentSite(cell.activeSite(a)));
      occ[a] = (byte) (label.equals("8a") ? co : mn);
    }
    return occ;
  }

  @Test
  void fullEnergyEqualsTheOffLatticeCalculatorAndMlip() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    Supercell cell = MtpFixtures.spinel();
    SupercellEnergy bound = MtpEnergyModel.of(p, LITIO_AS_COMNO).bind(cell);
    double mlip = MlipCfg.read(MtpFixtures.file("A_LiTiO_level10/out_synthetic.cfg")).get(0)
        .energy();
    byte[] normal = normalSpinel(cell);
    assertEquals(mlip, bound.energy(normal), 1e-12 * Math.abs(mlip));
    assertFullEnergiesEqualTheOffLatticeCalculator(p, bound, new Random(7), 5);
  }

  private static void assertFullEnergiesEqualTheOffLatticeCalculator(MtpPotential p,
      SupercellEnergy bound, Random rnd, int count) {
    MtpCalculator calc = new MtpCalculator(p);
    Supercell cell = bound.supercell();
    for (int k = 0; k < count; k++) {
      byte[] occ = randomOccupation(cell, rnd);
      double off = calc.compute(Configuration.of(cell, occ).toStructure(), LITIO_AS_COMNO)
          .energy();
      assertEquals(off, bound.energy(occ), 1e-12 * Math.abs(off));
    }
  }

  private static byte[] randomOccupation(Supercell cell, Random rnd) {
    byte[] occ = new byte[cell.activeSiteCount()];
    for (int a = 0; a < occ.length; a++) {
      occ[a] = (byte) (rnd.nextBoolean() ? cell.parent().speciesIndex("Co")
          : cell.parent().speciesIndex("Mn"));
    }
    return occ;
  }

  /**
   * Random swaps and flips: every delta equals full E(after) − E(before). Moves are applied
   * by swap/flip, by applySwap/applyFlip with the delta just computed (either site order),
   * or by applySwap/applyFlip after the delta of another move was asked in between; some
   * steps follow a burst of swaps and flips made without asking for any energy.
   */
  static double[] propertyCheck(SupercellEnergy bound, long seed, int steps) {
    Supercell cell = bound.supercell();
    Random rnd = new Random(seed);
    byte[] occ = randomOccupation(cell, rnd);
    MoveEvaluator ev = bound.evaluator(occ);
    double worstDelta = 0;
    double worstDrift = 0;
    byte[] now = new byte[occ.length];
    for (int step = 0; step < steps; step++) {
      for (int burst = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(5) : 0; burst > 0; burst--) {
        int i = rnd.nextInt(occ.length);
        if (rnd.nextBoolean()) {
          ev.swap(i, rnd.nextInt(occ.length));
        } else {
          ev.flip(i, otherSpecies(cell, ev.species(i)));
        }
      }
      ev.copyOccupation(now);
      double before = bound.energy(now);
      int i = rnd.nextInt(occ.length);
      int how = rnd.nextInt(4);
      double delta;
      if (rnd.nextInt(3) > 0) {
        int j = rnd.nextInt(occ.length);
        delta = ev.swapDelta(i, j);
        if (how == 0) {
          ev.swap(i, j);
        } else {
          if (how == 2) {
            ev.flipDelta(j, otherSpecies(cell, now[j]));
          }
          ev.applySwap(how == 3 ? j : i, how == 3 ? i : j, delta);
        }
      } else {
        int s = otherSpecies(cell, now[i]);
        delta = ev.flipDelta(i, s);
        if (how == 0) {
          ev.flip(i, s);
        } else {
          if (how == 2) {
            ev.swapDelta(i, rnd.nextInt(occ.length));
          }
          ev.applyFlip(i, s, delta);
        }
      }
      ev.copyOccupation(now);
      double after = bound.energy(now);
      worstDelta = Math.max(worstDelta, Math.abs(delta - (after - before)));
      worstDrift = Math.max(worstDrift, Math.abs(ev.energy() - after));
    }
    double tracked = ev.energy();
    assertEquals(ev.recompute(), tracked, 1e-9);
    assertEquals(bound.energy(now), ev.recompute(), 1e-9);
    return new double[] {worstDelta, worstDrift};
  }

  private static int otherSpecies(Supercell cell, int s) {
    return s == cell.parent().speciesIndex("Co") ? cell.parent().speciesIndex("Mn")
        : cell.parent().speciesIndex("Co");
  }

  @Test
  void incrementalDeltasAreExactForTheTrainedThreeSpeciesPotential() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    SupercellEnergy bound = MtpEnergyModel.of(p, LITIO_AS_COMNO).bind(MtpFixtures.spinel());
    double[] worst = propertyCheck(bound, 11, 150);
    assertTrue(worst[0] < 1e-9 && worst[1] < 1e-9, java.util.Arrays.toString(worst));
  }

  @Test
  void incrementalDeltasAreExactForARandomLevel16Potential() {
    MtpPotential pdag = MtpPotential.read(MtpFixtures.file("B_PdAg_level20_repuls/pot.mtp"));
    MtpPotential p16 = MtpFixtures.random(pdag.templateOfLevel(16), 3);
    assertEquals(16, p16.level());
    SupercellEnergy bound = MtpEnergyModel.of(p16, MlipTypes.parse("Co,Mn,O"))
        .bind(MtpFixtures.spinel());
    double[] worst = propertyCheck(bound, 5, 60);
    assertTrue(worst[0] < 1e-9 && worst[1] < 1e-9, java.util.Arrays.toString(worst));
  }

  /** Two spinel cells: a site's moments change only near the changed sites. */
  @Test
  void incrementalDeltasAreExactInALargerCell() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    SupercellEnergy bound = MtpEnergyModel.of(p, LITIO_AS_COMNO)
        .bind(Supercell.diagonal(MtpFixtures.spinel().parent(), 2, 1, 1));
    double[] worst = propertyCheck(bound, 13, 60);
    assertTrue(worst[0] < 1e-9 && worst[1] < 1e-9, java.util.Arrays.toString(worst));
  }

  /** A 4-site fcc cell smaller than max_dist: sites see themselves and each other often. */
  @Test
  void incrementalDeltasAreExactWhenSitesSeeManyImages() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    Prototype.LabelledCell fcc = Prototype.FCC.build(Map.of("a", 3.9), false);
    ParentLattice parent = ParentLattice.of(fcc.structure(), fcc.labels(),
        Map.of("4a", List.of("Co", "Mn")), 0.01);
    Supercell cell = Supercell.diagonal(parent, 1, 1, 1);
    SupercellEnergy bound = MtpEnergyModel.of(p, LITIO_AS_COMNO).bind(cell);
    assertFullEnergiesEqualTheOffLatticeCalculator(p, bound, new Random(3), 3);
    double[] worst = propertyCheck(bound, 17, 80);
    assertTrue(worst[0] < 1e-9 && worst[1] < 1e-9, java.util.Arrays.toString(worst));
  }

  @Test
  void givenPositionsAndSpeciesChecks() {
    MtpPotential p = MtpPotential.read(MtpFixtures.file("A_LiTiO_level10/pot.mtp"));
    Supercell cell = MtpFixtures.spinel();
    MtpEnergyModel model = MtpEnergyModel.of(p, LITIO_AS_COMNO);
    double[][] cart = new double[cell.size()][];
    Random rnd = new Random(1);
    for (int s = 0; s < cart.length; s++) {
      cart[s] = cell.cartesian(s);
      cart[s][0] += 0.05 * (rnd.nextDouble() - 0.5);
    }
    byte[] occ = normalSpinel(cell);
    Configuration conf = Configuration.of(cell, occ);
    String[] names = conf.siteSpecies();
    int[] types = LITIO_AS_COMNO.types(names);
    double off = new MtpCalculator(p).compute(cart, types, cell.lattice().matrix()).energy();
    assertEquals(off, model.bind(cell, cart).energy(occ), 1e-12 * Math.abs(off));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> MtpEnergyModel.of(p, MlipTypes.parse("Co,O,Ti")).bind(cell));
    assertTrue(e.getMessage().contains("Mn"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> MtpEnergyModel.of(p,
        MlipTypes.parse("Co,Mn")));
    assertThrows(InvalidInputException.class, () -> model.bind(cell).energy(new byte[3]));
  }
}
