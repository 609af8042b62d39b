package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtxyzTest {
  @Test
  void roundTripOfEnergyForcesVirialAndInfo(@TempDir Path dir) {
    Lattice l = Lattice.of(new double[][] {{4, 0, 0}, {0.5, 4, 0}, {0, 0.3, 5}});
    Structure s = Structure.of(l, new double[][] {{0, 0, 0}, {0.25, 0.5, 0.75}},
        new String[] {"Cu", "Au"});
    double[][] forces = {{0.1, -0.2, 0.3}, {-0.1, 0.2, -0.3}};
    double[] virial = {1, 2, 3, 4, 5, 6};
    Frame f = new Frame(s, -7.123456789012345, forces, virial, Map.of("config_type", "test run"));
    Path file = dir.resolve("a.extxyz");
    Extxyz.write(file, List.of(f, Frame.of(s, 1.5)));
    List<Frame> back = Extxyz.read(file);
    assertEquals(2, back.size());
    Frame g = back.get(0);
    assertEquals(f.energy(), g.energy(), 0);
    assertArrayEquals(virial, g.virial(), 0);
    assertArrayEquals(forces[1], g.forces()[1], 1e-15);
    assertEquals("test run", g.info().get("config_type"));
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(s.cartesian(i), g.structure().cartesian(i), 1e-12);
      assertEquals(s.species(i), g.structure().species(i));
    }
    assertEquals(1.5, back.get(1).energy(), 0);
  }

  @Test
  void readsAseStyleHeader() {
    String text = """
        2
        Lattice="3.0 0.0 0.0 0.0 3.0 0.0 0.0 0.0 3.0" Properties=species:S:1:pos:R:3:magmoms:R:1 energy=-3.5 pbc="T T F"
        Fe 0.0 0.0 0.0 2.2
        Fe 1.5 1.5 1.5 -2.2
        """;
    Frame f = Extxyz.parse(text, "x").get(0);
    assertEquals(-3.5, f.energy(), 0);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, f.structure().fractional(1), 1e-12);
    assertEquals(false, f.structure().periodic()[2]);
  }

  @Test
  void missingLatticeIsReportedWithLine() {
    String text = "1\nProperties=species:S:1:pos:R:3\nH 0 0 0\n";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Extxyz.parse(text, "f.xyz"));
    assertTrue(e.getMessage().startsWith("f.xyz line 2"), e.getMessage());
  }

  @Test
  void shortAtomLineIsReported() {
    String text = "1\nLattice=\"1 0 0 0 1 0 0 0 1\"\nH 0 0\n";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Extxyz.parse(text, "f.xyz"));
    assertTrue(e.getMessage().startsWith("f.xyz line 3"), e.getMessage());
  }
}
