package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.MlipCfg;

class MtpCalcCommandTest {
  static final Path A = Path.of("../../shared/data/mtp/A_LiTiO_level10");

  static Path fixture(String name) {
    Path p = A.resolve(name);
    Assumptions.assumeTrue(Files.exists(p), "shared MTP data absent");
    return p;
  }

  @Test
  void cfgInCfgOutMatchesMlip(@TempDir Path dir) {
    Path out = dir.resolve("out.cfg");
    CliRun r = CliRun.of("mtp", "calc", fixture("pot.mtp").toString(),
        fixture("in_synthetic.cfg").toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("energy (eV/cfg)"), r.out());
    List<MlipCfg> mine = MlipCfg.read(out);
    List<MlipCfg> mlip = MlipCfg.read(fixture("out_synthetic.cfg"));
    assertEquals(mlip.size(), mine.size());
    for (int c = 0; c < mine.size(); c++) {
      assertEquals(mlip.get(c).energy(), mine.get(c).energy(),
          1e-12 * Math.abs(mlip.get(c).energy()));
      assertEquals(mlip.get(c).features(), mine.get(c).features());
    }
  }

  @Test
  void extxyzInAndOutWithSpecies(@TempDir Path dir) {
    MlipCfg ideal = MlipCfg.read(fixture("out_synthetic.cfg")).get(0);
    Path in = dir.resolve("ideal.xyz");
    Extxyz.write(in, List.of(Frame.of(ideal.toFrame(org.ordex.lattice.MlipTypes.parse(
        "Li,O,Ti")).structure())));
    Path out = dir.resolve("res.extxyz");
    CliRun r = CliRun.of("mtp", "calc", fixture("pot.mtp").toString(), in.toString(),
        "--species", "Li,O,Ti", "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"energy\""), r.out());
    Frame f = Extxyz.read(out).get(0);
    assertEquals(ideal.energy(), f.energy(), 1e-9);
    assertEquals(ideal.plusStress()[0], f.virial()[0], 1e-9);
  }

  @Test
  void badInputExitsWithTwoAndWritesNothing(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.cfg");
    String pot = fixture("pot.mtp").toString();
    String in = fixture("in_synthetic.cfg").toString();
    CliRun r = CliRun.of("mtp", "calc", pot, in, "--species", "Li,O", "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("3 species"), r.err());
    Path bad = dir.resolve("bad.cfg");
    Files.writeString(bad, "BEGIN_CFG\n Size\n 1\n AtomData: id type cartes_x cartes_y "
        + "cartes_z\n 1 0 0 0 zero\nEND_CFG\n");
    r = CliRun.of("mtp", "calc", pot, bad.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.cfg line 5"), r.err());
    Path five = dir.resolve("five.cfg");
    Files.writeString(five, "BEGIN_CFG\n Size\n 1\n AtomData: id type cartes_x cartes_y "
        + "cartes_z\n 1 5 0 0 0\nEND_CFG\n");
    r = CliRun.of("mtp", "calc", pot, five.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("type 5"), r.err());
    Path xyz = dir.resolve("a.xyz");
    Files.writeString(xyz, "1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 0 0 0\n");
    r = CliRun.of("mtp", "calc", pot, xyz.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--species"), r.err());
    r = CliRun.of("mtp", "calc", fixture("untrained_init.mtp").toString(), in);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("untrained"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void closeAtomsGiveAWarning(@TempDir Path dir) throws Exception {
    Path close = dir.resolve("close.cfg");
    Files.writeString(close, "BEGIN_CFG\n Size\n 2\n AtomData: id type cartes_x cartes_y "
        + "cartes_z\n 1 0 0 0 0\n 2 1 0 0 1.2\nEND_CFG\n");
    CliRun r = CliRun.of("mtp", "calc", fixture("pot.mtp").toString(), close.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("closer than min_dist"), r.err());
  }
}
