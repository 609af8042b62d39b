package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemFile;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.SupercellEnergy;

class CeCommandTest {
  static final String ISING_CE = "../examples/ising/ce.json";
  static final String ISING = "../examples/ising/system.yaml";

  @Test
  void infoPrintsTheFunctions() {
    CliRun r = CliRun.of("ce", "info", ISING_CE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("pairs 1.1 Å"), r.out());
    assertTrue(r.out().matches("(?s).*\\n\\s+2\\s+2\\s+1\\.0000\\s+0\\.5000\\s+2\\s+1a,1a\\s+"
        + "\\[1, 1\\]\\s+-0\\.01000000.*"), r.out());
  }

  @Test
  void infoJson() throws Exception {
    CliRun r = CliRun.of("ce", "info", ISING_CE, "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(3, root.get("functions").size());
    assertEquals(-0.01, root.get("functions").get(2).get("eci").asDouble());
    assertEquals(1, root.get("nonzeroEcis").asInt());
  }

  @Test
  void theIsingExampleIsTheIsingModel() {
    SystemSpec system = SystemFile.read(Path.of(ISING));
    EnergyModel model = Models.load(Path.of(ISING_CE), system);
    Supercell cell = system.supercell();
    SupercellEnergy e = model.bind(cell);
    Random random = new Random(5);
    for (int trial = 0; trial < 20; trial++) {
      byte[] occ = new byte[cell.activeSiteCount()];
      for (int a = 0; a < occ.length; a++) {
        occ[a] = (byte) random.nextInt(2);
      }
      double bonds = 0;
      for (int a = 0; a < occ.length; a++) {
        int[] n = cell.translation(cell.activeSite(a));
        int right = cell.activeIndex(cell.siteIndex(0, new int[] {n[0] + 1, n[1], 0}));
        int up = cell.activeIndex(cell.siteIndex(0, new int[] {n[0], n[1] + 1, 0}));
        bonds += (1 - 2 * occ[a]) * ((1 - 2 * occ[right]) + (1 - 2 * occ[up]));
      }
      assertEquals(-0.01 * bonds, e.energy(occ), 1e-12);
    }
  }

  @Test
  void modelsRefuseModelsOfOtherSystemsAndUnknownFiles(@TempDir Path dir) throws Exception {
    SystemSpec spinel = SystemFile.read(Path.of(InfoCommandTest.COMNO));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Models.load(Path.of(ISING_CE), spinel));
    assertTrue(e.getMessage().contains("does not fit the system"), e.getMessage());
    Path other = dir.resolve("model.xyz");
    Files.writeString(other, "");
    e = assertThrows(InvalidInputException.class, () -> Models.load(other, spinel));
    assertTrue(e.getMessage().contains("unknown kind of model file"), e.getMessage());
  }

  @Test
  void badFilesExitWithCode2(@TempDir Path dir) throws Exception {
    InfoCommandTest.assertBad(CliRun.of("ce", "info", dir.resolve("none.json").toString()),
        "no such file");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, Files.readString(Path.of(ISING_CE)).replace("1.1 ]", "0.5 ]"));
    InfoCommandTest.assertBad(CliRun.of("ce", "info", bad.toString()),
        "cutoffs: cutoff 0.5 Å for pairs is too short");
    InfoCommandTest.assertBad(CliRun.of("ce"), "a subcommand is required");
  }
}
