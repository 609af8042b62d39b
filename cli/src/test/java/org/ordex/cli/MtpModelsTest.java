package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.SystemFile;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.mtp.MtpEnergyModel;
import org.ordex.potentials.mtp.MtpPotential;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class MtpModelsTest {
  static final Path COMNO = Path.of("../examples/comno/system.yaml");

  @Command(name = "probe")
  static final class Probe {
    @Mixin
    ModelOptions model;
  }

  @Test
  void mtpModelWithSpeciesThroughTheSharedOptions() {
    Path pot = MtpCalcCommandTest.fixture("pot.mtp");
    SystemSpec system = SystemFile.read(COMNO);
    Probe probe = CommandLine.populateCommand(new Probe(), "--model", pot.toString(),
        "--species", "Co,O,Mn");
    EnergyModel model = probe.model.load(system);
    assertTrue(model.describe().contains("level 10"), model.describe());
    byte[] occ = new byte[system.supercell().activeSiteCount()];
    double direct = MtpEnergyModel.of(MtpPotential.read(pot), MlipTypes.parse("Co,O,Mn"))
        .bind(system.supercell()).energy(occ);
    assertEquals(direct, model.bind(system.supercell()).energy(occ), 0);
  }

  @Test
  void mtpModelsNeedMatchingSpecies() {
    Path pot = MtpCalcCommandTest.fixture("pot.mtp");
    SystemSpec system = SystemFile.read(COMNO);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Models.load(pot, system));
    assertTrue(e.getMessage().contains("--species"), e.getMessage());
    e = assertThrows(InvalidInputException.class, () -> Models.load(pot, system, "Co,O,Ti"));
    assertTrue(e.getMessage().contains("Mn"), e.getMessage());
    e = assertThrows(InvalidInputException.class, () -> Models.load(pot, system, "Co,Mn"));
    assertTrue(e.getMessage().contains("3 species"), e.getMessage());
    Probe probe = CommandLine.populateCommand(new Probe());
    assertThrows(InvalidInputException.class, () -> probe.model.load(system));
  }
}
