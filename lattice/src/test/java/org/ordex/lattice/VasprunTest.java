package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made vasprun.xml (resources/vasprun/vasprun-CuAu.xml): CuAu in a 4 Å cubic cell, two
 * ionic steps, spin-polarised with two k-points (weights 1/4, 3/4) and three bands, and
 * projections on s, p, d for both atoms. Its final step ends with the known-bad e_0_energy
 * (equal to e_fr_energy) that the last electronic step corrects.
 */
class VasprunTest {
  static final Path FILE = Path.of("src/test/resources/vasprun/vasprun-CuAu.xml");

  @TempDir
  Path dir;

  @Test
  void lastIonicStep() {
    Vasprun run = Vasprun.read(FILE);
    assertEquals(2, run.ionicSteps());
    assertEquals(-10.5, run.freeEnergy(), 1e-12);
    // e_fr(step) + e_0(last scstep) − e_fr(last scstep) = −10.5 + 0.05
    assertEquals(-10.45, run.energy(), 1e-12);
    Structure s = run.structure();
    assertArrayEquals(new String[] {"Cu", "Au"}, s.species());
    assertArrayEquals(new double[] {0.5, 0.49, 0.5}, s.fractional(1), 1e-12);
    assertArrayEquals(new double[] {-0.01, 0.02, -0.03}, run.forces()[1], 1e-12);
    assertArrayEquals(new double[] {0, 2, 30}, run.stress()[2], 1e-12);
    double f = 64 * 0.1 / 160.21766208;
    assertArrayEquals(new double[] {10 * f, 20 * f, 30 * f, 2 * f, 0, f}, run.virial(), 1e-12);
  }

  @Test
  void magnetisation() {
    Vasprun run = Vasprun.read(FILE);
    // Σ_k w_k (Σ_b occ↑ − Σ_b occ↓) = 0.25 (2.5 − 1.5) + 0.75 (1.8 − 1.2)
    assertEquals(0.70, run.magnetisation(), 1e-12);
    // projections summed over orbitals: Cu 0.5 (up) / 0.4 (down), Au 0.3 / 0.3
    assertArrayEquals(new double[] {0.4775, 0.21}, run.magneticMoments(), 1e-12);
    Frame frame = run.toFrame();
    assertEquals(-10.45, frame.energy(), 1e-12);
    assertEquals("0.7", frame.info().get("magnetisation").substring(0, 3));
  }

  @Test
  void unfinishedAndMalformedRunsAreBadInput() throws Exception {
    String text = Files.readString(FILE);
    Path cut = dir.resolve("vasprun.xml");
    Files.writeString(cut, text.substring(0, text.indexOf("<eigenvalues>")));
    assertMessage(cut, "the run did not finish");
    Files.writeString(cut, text.substring(0, text.indexOf(" <calculation>")) + "</modeling>\n");
    assertMessage(cut, "no completed ionic step");
    Files.writeString(cut, text.replace("-0.01000000       0.02000000      -0.03000000",
        "*************       0.02000000      -0.03000000"));
    assertMessage(cut, "too large for VASP's output format");
    Files.writeString(cut, "not xml");
    assertMessage(cut, "not a readable vasprun.xml");
    assertMessage(dir.resolve("missing.xml"), "no such file");
  }

  @Test
  void spinUnpolarisedRunHasNoMagnetisation() throws Exception {
    String text = Files.readString(FILE);
    int a = text.indexOf("     <set comment=\"spin 2\">");
    int b = text.indexOf("    </set>\n   </array>\n  </eigenvalues>");
    Path file = dir.resolve("vasprun.xml");
    Files.writeString(file, text.substring(0, a) + text.substring(b));
    Vasprun run = Vasprun.read(file);
    assertTrue(Double.isNaN(run.magnetisation()));
    assertNull(run.magneticMoments());
    assertEquals(-10.45, run.energy(), 1e-12);
  }

  private static void assertMessage(Path file, String part) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Vasprun.read(file));
    assertTrue(e.getMessage().contains(part), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }
}
