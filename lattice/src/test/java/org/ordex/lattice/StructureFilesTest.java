package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureFilesTest {
  @TempDir
  Path dir;

  static Structure cuAu() {
    return Structure.of(Lattice.orthorhombic(4, 4, 4), new double[][] {{0, 0, 0},
        {0.5, 0.5, 0.5}}, new String[] {"Cu", "Au"});
  }

  @Test
  void everyFormat() throws Exception {
    Path xyz = dir.resolve("train.xyz");
    Extxyz.write(xyz, List.of(Frame.of(cuAu(), -7.5), Frame.of(cuAu(), -7.25)));
    List<StructureFiles.Entry> e = StructureFiles.read(xyz, null);
    assertEquals(2, e.size());
    assertEquals(xyz + "#2", e.get(1).name());
    assertEquals(-7.25, e.get(1).energy());

    Path poscar = dir.resolve("POSCAR_1");
    Poscar.write(poscar, cuAu(), "CuAu");
    assertTrue(Double.isNaN(StructureFiles.read(poscar, null).get(0).energy()));

    Path cfg = dir.resolve("train.cfg");
    MlipTypes types = MlipTypes.parse("Cu,Au");
    MlipCfg.write(cfg, List.of(MlipCfg.of(Frame.of(cuAu(), -3.0), types)));
    assertEquals(-3.0, StructureFiles.read(cfg, types).get(0).energy(), 1e-12);

    Path vasprun = dir.resolve("vasprun.xml");
    Files.copy(VasprunTest.FILE, vasprun);
    assertEquals(-10.45, StructureFiles.read(vasprun, null).get(0).energy(), 1e-12);

    Path table = dir.resolve("energies.csv");
    Files.writeString(table, "structure,energy_eV\nPOSCAR_1, -7.75  # relaxed\n\n"
        + "vasprun.xml,-10.0\n");
    List<StructureFiles.Entry> t = StructureFiles.read(table, null);
    assertEquals(2, t.size());
    assertEquals("POSCAR_1", t.get(0).name());
    assertEquals(-7.75, t.get(0).energy());
    assertEquals(-10.0, t.get(1).energy());
  }

  @Test
  void badFilesAreBadInput() throws Exception {
    assertMessage(dir.resolve("data.json"), "unknown kind of structure file");
    Path cfg = dir.resolve("train.cfg");
    MlipCfg.write(cfg, List.of(MlipCfg.of(Frame.of(cuAu(), -3.0), MlipTypes.parse("Cu,Au"))));
    assertMessage(cfg, "need their elements");
    Path table = dir.resolve("energies.txt");
    Files.writeString(table, "POSCAR_9 -1.0\n");
    assertMessage(table, "energies.txt line 1: " + dir.resolve("POSCAR_9") + ": no such file");
    Files.writeString(table, "a b\nPOSCAR_9 x\n");
    assertMessage(table, "line 2: expected a number, found 'x'");
    Files.writeString(table, "other.csv -1\n");
    assertMessage(table, "not another table");
  }

  static void assertMessage(Path file, String part) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StructureFiles.read(file, null));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
