package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsers of DFT outputs on real (GPAW, pw.x) and generated (OUTCAR) fixtures. */
class DftOutputsTest {
  static final Path DIR = Path.of("src/test/resources/dft");

  @Test
  void gpawAdapterResult() {
    DftResult r = DftOutputs.read(DIR.resolve("gpaw-MnO.json"));
    assertEquals("GPAW", r.code());
    assertEquals(-15.150761382859196, r.energy(), 0);
    assertEquals(2, r.structure().size());
    assertEquals("Mn", r.structure().species(0));
    assertEquals(4.530030472993607, r.magmoms()[0], 0);
    assertEquals(14, Integer.parseInt(r.info().get("iterations")));
    assertEquals("PBE", r.info().get("settings.xc"));
    assertEquals("22.8.0", r.info().get("versions.gpaw"));
    assertTrue(r.converged());
    assertEquals(2.2225, r.structure().lattice().get(0, 1), 0);
  }

  @Test
  void gpawResultWithoutConvergenceIsBadInput(@TempDir Path dir) throws Exception {
    String text = Files.readString(DIR.resolve("gpaw-MnO.json"))
        .replace("\"converged\": true", "\"converged\": false, \"error\": \"SCF not converged: "
            + "Did not converge!\"");
    Path p = dir.resolve("result.json");
    Files.writeString(p, text);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> DftOutputs.read(p));
    assertTrue(e.getMessage().contains("no final energy (SCF not converged"), e.getMessage());
  }

  @Test
  void pwOutputEnergyInRydbergBecomesEv() {
    DftResult r = DftOutputs.read(DIR.resolve("pw-Si2.out"));
    assertEquals(-15.80796017 * 13.605693122994, r.energy(), 1e-9);
    assertEquals(-0.0, r.totalMagmom(), 0);
    assertEquals("2", r.info().get("atoms"));
    assertNull(r.structure());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> DftOutputs.read(DIR.resolve("pw-Si2-notconverged.out")));
    assertTrue(e.getMessage().contains("convergence NOT achieved"), e.getMessage());
  }

  @Test
  void vasprunThroughTheCeEngineersParser(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("vasprun.xml");
    Files.copy(VasprunTest.FILE, p);
    DftResult r = DftOutputs.readFolder(dir, null, null);
    assertEquals("VASP", r.code());
    assertEquals(-10.45, r.energy(), 1e-12);
    assertEquals(2, r.structure().size());
    assertEquals("2", r.info().get("ionicSteps"));
  }

  @Test
  void mlipCfgWithEnergyNeedsItsTypes(@TempDir Path dir) throws Exception {
    Structure s = Structure.of(Lattice.orthorhombic(4, 4, 4), new double[][] {{0, 0, 0},
        {0.5, 0.5, 0.5}}, new String[] {"Mn", "O"});
    Path cfg = dir.resolve("out.cfg");
    MlipCfg.write(cfg, List.of(MlipCfg.of(Frame.of(s, -12.5), MlipTypes.parse("Mn,O"))));
    DftResult r = DftOutputs.read(cfg, MlipTypes.parse("Mn,O"));
    assertEquals(-12.5, r.energy(), 0);
    assertEquals("O", r.structure().species(1));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> DftOutputs.read(cfg));
    assertTrue(e.getMessage().contains("--mlip-types"), e.getMessage());
    MlipCfg.write(cfg, List.of(MlipCfg.of(Frame.of(s), MlipTypes.parse("Mn,O"))));
    assertThrows(InvalidInputException.class, () -> DftOutputs.read(cfg,
        MlipTypes.parse("Mn,O")));
  }

  @Test
  void outcarLastIonicStepWins() {
    DftResult r = DftOutputs.read(DIR.resolve("OUTCAR-generated"));
    assertEquals(-101.22839506, r.energy(), 0);
    assertEquals(6.0000012, r.totalMagmom(), 0);
    assertEquals("-101.23456789", r.info().get("TOTEN"));
  }

  @Test
  void truncatedOutputsHaveNoFinalEnergy(@TempDir Path dir) throws Exception {
    Path outcar = dir.resolve("OUTCAR");
    Files.writeString(outcar, " vasp.6.3.0\n POSCAR = Si2\n");
    assertThrows(InvalidInputException.class, () -> DftOutputs.read(outcar));
    String pw = Files.readString(DIR.resolve("pw-Si2.out"));
    Path cut = dir.resolve("pw.out");
    Files.writeString(cut, pw.substring(0, pw.indexOf("!    total energy")));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> DftOutputs.read(cut));
    assertTrue(e.getMessage().contains("no final energy"), e.getMessage());
    Path xyz = dir.resolve("x.extxyz");
    Files.writeString(xyz, "1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nSi 0 0 0\n");
    assertThrows(InvalidInputException.class, () -> DftOutputs.read(xyz));
    Path other = dir.resolve("log.txt");
    Files.writeString(other, "hello\n");
    assertThrows(InvalidInputException.class, () -> DftOutputs.read(other));
  }

  @Test
  void folderLookupTakesTheFirstKnownName(@TempDir Path dir) throws Exception {
    Files.copy(DIR.resolve("pw-Si2.out"), dir.resolve("ordex-run.out"));
    assertEquals(-15.80796017 * PwOutput.RYDBERG_EV,
        DftOutputs.readFolder(dir, null, null).energy(), 1e-9);
    Files.copy(DIR.resolve("gpaw-MnO.json"), dir.resolve("result.json"));
    assertEquals("GPAW", DftOutputs.readFolder(dir, null, null).code());
    assertFalse(DftOutputs.readFolder(dir, "ordex-run.out", null).code().equals("GPAW"));
    assertThrows(InvalidInputException.class,
        () -> DftOutputs.readFolder(dir.resolve("nothing"), null, null));
  }
}
