package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.DftOutputs;
import org.ordex.lattice.DftResult;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Structure;

/**
 * A real GPAW calculation through ordex: export ferromagnetic rock-salt MnO (2 atoms, a
 * fixed known-good input), run the GPAW adapter with {@code spotcheck run} (2×2×2 k-points,
 * maxiter 40, time-out), read the result back. About 15 s of CPU; runs only when
 * {@code ORDEX_DFT_TESTS=1} (CI's {@code .ci/run} sets it) and GPAW is installed.
 */
class GpawRoundTripTest {
  /** Recorded with GPAW 22.8.0 (Debian 12) with the settings of the command below. */
  static final double RECORDED_ENERGY = -15.15082589407066;
  static final String ADAPTER = Path.of("../examples/dft/gpaw_energy.py").toAbsolutePath()
      .normalize().toString();

  @Test
  void mnoEnergyAndMomentRoundTrip(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue("1".equals(System.getenv("ORDEX_DFT_TESTS")),
        "real DFT tests run only with ORDEX_DFT_TESTS=1");
    Assumptions.assumeTrue(DebianPython.canImport("gpaw"),
        "GPAW (Debian packages gpaw, gpaw-data) is not installed");
    Path options = dir.resolve("dft.yaml");
    Files.writeString(options, "magmom: {Mn: 4}\n");
    Path calc = dir.resolve("calc");
    CliRun r = CliRun.of("spotcheck", "export", "src/test/resources/dft/MnO.extxyz", "-o",
        calc.toString(), "--options", options.toString(), "--format", "extxyz");
    assertEquals(0, r.code(), r.err());
    r = CliRun.of("spotcheck", "run", calc.toString(), "--command", "OMP_NUM_THREADS=1 "
        + DebianPython.PATH + " " + ADAPTER + " structure.extxyz -o result.json --kpts 2,2,2 "
        + "--maxiter 40 --smearing 0.1 --conv-density 5e-4", "--done-file", "result.json",
        "--timeout", "15m");
    assertEquals(0, r.code(), r.out() + r.err());
    DftResult result = DftOutputs.readFolder(calc.resolve("MnO"), null, null);
    assertEquals(RECORDED_ENERGY, result.energy(), 1e-3);
    assertEquals(4.53, result.magmoms()[0], 0.02);
    Structure exported = Extxyz.read(calc.resolve("MnO/structure.extxyz")).get(0).structure();
    assertEquals(exported.lattice().volume(), result.structure().lattice().volume(), 1e-9);
    assertEquals("7:d,3.9", result.info().get("settings.setups.Mn"), result.info().toString());
    assertTrue(result.converged());
  }
}
