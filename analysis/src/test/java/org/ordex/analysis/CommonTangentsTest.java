package org.ordex.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommonTangentsTest {
  @Test
  void hullAndTwoPhaseRegions() {
    double[] x = {0, 0.25, 0.5, 0.75, 1};
    double[] convex = {0, -1, -1.5, -1, 0};
    assertTrue(CommonTangents.twoPhaseRegions(x, convex, 1e-12).isEmpty());
    double[] wells = {0, -1, -0.5, -1, 0};
    var regions = CommonTangents.twoPhaseRegions(x, wells, 1e-12);
    assertEquals(1, regions.size());
    assertEquals(0.25, regions.get(0).x1());
    assertEquals(0.75, regions.get(0).x2());
    double[] line = {0, 0, 0, 0, 0};
    assertTrue(CommonTangents.twoPhaseRegions(x, line, 1e-12).isEmpty());
  }

  @Test
  void mixingRelativeToEndMembers() {
    double[] x = {0, 0.5, 1};
    assertArrayEquals(new double[] {0, -1.5, 0}, Mixing.relativeToEndMembers(x,
        new double[] {1, 0.5, 3}), 1e-15);
    assertEquals(Math.log(2), Mixing.idealEntropy(0.5), 1e-15);
    assertEquals(0.0, Mixing.idealEntropy(0)); // +0.0: no "-0.0" in tables
    assertEquals(0.0, Mixing.idealEntropy(1));
  }
}
