package org.ordex.potentials.ce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.InvalidInputException;

class CrossValidationTest {
  @Test
  void kFoldHoldsOutEveryStructureOnce() {
    List<int[][]> splits = CrossValidation.parse("kfold:4").splits(10, 7);
    assertEquals(4, splits.size());
    int[] times = new int[10];
    for (int[][] s : splits) {
      assertEquals(10, s[0].length + s[1].length);
      for (int t : s[1]) {
        times[t]++;
      }
    }
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, times);
    assertArrayEquals(splits.get(2)[1], CrossValidation.kFold(4).splits(10, 7).get(2)[1]);
  }

  @Test
  void leaveOneOutAndShuffleSplit() {
    assertEquals(5, CrossValidation.parse("loo").splits(5, 1).size());
    List<int[][]> s = CrossValidation.parse("shuffle:6:0.25").splits(20, 1);
    assertEquals(6, s.size());
    assertTrue(s.stream().allMatch(x -> x[1].length == 5 && x[0].length == 15));
    assertEquals("shuffle:6:0.25", CrossValidation.parse("shuffle:6:0.25").describe());
  }

  @Test
  void badSpecifications() {
    for (String bad : new String[] {"kfold:1", "kfold:x", "boot", "shuffle:3", "shuffle:3:1.5"}) {
      assertThrows(InvalidInputException.class, () -> CrossValidation.parse(bad), bad);
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CrossValidation.kFold(10).splits(4, 1));
    assertTrue(e.getMessage().contains("at least 10 structures"), e.getMessage());
  }
}
