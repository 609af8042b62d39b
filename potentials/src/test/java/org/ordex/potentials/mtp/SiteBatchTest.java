package org.ordex.potentials.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SiteBatchTest {
  private static final int COLUMNS = 7;

  /** Site energies of random basic moments (columns of the batch) through a program. */
  private static double[] energies(SiteBatch.Program program, int basicCount, long seed) {
    Random rnd = new Random(seed);
    double[][] basic = new double[COLUMNS][basicCount];
    int[] type = new int[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      for (int x = 0; x < basicCount; x++) {
        basic[c][x] = rnd.nextDouble() - 0.5;
      }
      type[c] = c % 2;
    }
    SiteBatch batch = new SiteBatch(program, COLUMNS);
    batch.load(COLUMNS, basic, new double[COLUMNS]);
    return batch.energies(COLUMNS, type).clone();
  }

  /**
   * From level 16 on, MLIP's templates build their basis functions with more products than
   * ordex's: the on-lattice program of an MLIP potential is re-derived from ordex's template
   * (876 instead of 969 products at 16, 5809 instead of 6349 at 20) and gives the same site
   * energies.
   */
  @Test
  void mlipsLevel16And20BasesContractWithFewerProducts() {
    MtpPotential pdag = MtpPotential.read(MtpFixtures.file("B_PdAg_level20_repuls/pot.mtp"));
    MtpPotential[] potentials = {MtpFixtures.random(pdag.templateOfLevel(16), 3), pdag};
    int[] products = {876, 5809};
    for (int p = 0; p < potentials.length; p++) {
      MtpKernel kernel = new MtpKernel(potentials[p]);
      SiteBatch.Program own = new SiteBatch.Program(kernel);
      SiteBatch.Program cheapest = SiteBatch.Program.cheapest(kernel, potentials[p]);
      assertEquals(kernel.target.length, own.target.length);
      assertEquals(products[p], cheapest.target.length);
      double[] expected = energies(own, kernel.basicCount, 5);
      double[] actual = energies(cheapest, kernel.basicCount, 5);
      for (int c = 0; c < COLUMNS; c++) {
        assertEquals(expected[c], actual[c], 1e-12 * Math.abs(expected[c]));
      }
    }
  }

  /** A potential whose basis functions are not all a template's keeps its own program. */
  @Test
  void aBasisThatIsNoTemplatesKeepsItsOwnContraction() {
    MtpPotential pdag = MtpPotential.read(MtpFixtures.file("B_PdAg_level20_repuls/pot.mtp"));
    MtpPotential p16 = MtpFixtures.random(pdag.templateOfLevel(16), 3);
    int[][] times = p16.alphaIndexTimes();
    int[] last = times[times.length - 1];
    String product = "{" + last[0] + ", " + last[1] + ", " + last[2] + ", " + last[3] + "}}";
    String text = p16.format();
    assertTrue(text.contains(product), product);
    MtpPotential changed = MtpPotential.parse(text.replace(product, "{" + last[0] + ", "
        + last[1] + ", " + (last[2] + 1) + ", " + last[3] + "}}"), "changed.mtp");
    MtpKernel kernel = new MtpKernel(changed);
    SiteBatch.Program cheapest = SiteBatch.Program.cheapest(kernel, changed);
    assertEquals(times.length, cheapest.target.length);
    assertEquals(876, SiteBatch.Program.cheapest(new MtpKernel(p16), p16).target.length);
  }
}
