package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.analysis.spotcheck.Manifest;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Structure;

class SpotcheckExportCommandTest {
  static final String PRIMITIVE = "../examples/comno/primitive.yaml";
  static final String OPTIONS = """
      magmom:
        Co: {8a: -3, 16d: 0}
        Mn: {8a: -5, 16d: 4}
        O: 0
      hubbard_u: {Co: 3.32, Mn: 3.9}
      kpoint_density: 1.4
      vegard: {Co: 1.0, Mn: 1.05931}
      vasp:
        incar: {ENCUT: 600}
      qe:
        pseudopotentials: {Co: Co.UPF, Mn: Mn.UPF, O: O.UPF}
        valence: {Co: 17, Mn: 15, O: 6}
      """;

  /** The 15 distinct arrangements of the 14-atom spinel cell, exported to DIR/dft. */
  static Path export(Path dir, String formats) throws IOException {
    Path structures = dir.resolve("prim.extxyz");
    CliRun r = CliRun.of("structures", PRIMITIVE, "--all-compositions", "--distinct", "-o",
        structures.toString());
    assertEquals(0, r.code(), r.err());
    Path options = dir.resolve("dft.yaml");
    Files.writeString(options, OPTIONS);
    Path out = dir.resolve("dft");
    r = CliRun.of("spotcheck", "export", structures.toString(), "-o", out.toString(),
        "--options", options.toString(), "--system", PRIMITIVE, "--format", formats,
        "--mlip-types", "Co,Mn,O");
    assertEquals(0, r.code(), r.err());
    return out;
  }

  @Test
  void writesOneFolderPerStructureWithVegardScaledCells(@TempDir Path dir) throws Exception {
    Path out = export(dir, "extxyz,vasp,qe,cfg");
    Manifest m = Manifest.read(out.resolve("manifest.json"));
    assertEquals(15, m.entries().size());
    List<Frame> originals = Extxyz.read(out.resolve("structures.extxyz"));
    assertEquals(15, originals.size());
    for (int i = 0; i < 15; i++) {
      Manifest.Entry e = m.entries().get(i);
      Frame original = originals.get(i);
      assertEquals(e.id(), original.info().get("id"));
      Path folder = out.resolve(e.folder());
      Structure computed = Poscar.read(folder.resolve("POSCAR"));
      int co = original.structure().speciesCounts().getOrDefault("Co", 0);
      double scale = (co * 1.0 + (6 - co) * 1.05931) / 6;
      assertEquals(original.structure().lattice().volume() * scale * scale * scale,
          computed.lattice().volume(), 1e-9);
      assertEquals(original.structure().speciesCounts(), computed.speciesCounts());
      assertTrue(Files.readString(folder.resolve("KPOINTS")).contains("\n2 2 2\n"));
      assertTrue(Files.readString(folder.resolve("INCAR")).contains("ENCUT = 600"));
      assertTrue(Files.readString(folder.resolve("pw.in")).contains("nat = 14"));
      assertEquals(14, MlipCfg.read(folder.resolve("structure.cfg")).get(0).size());
      Frame xyz = Extxyz.read(folder.resolve("structure.extxyz")).get(0);
      assertEquals(e.id(), xyz.info().get("id"));
      assertEquals(14, xyz.info().get("initial_magmoms").split(",").length);
    }
    // CoMn2O4 with Co on the tetrahedral sites: moments -3 (Co, 8a), +4 (Mn, 16d)
    Manifest.Entry normal = m.entries().stream()
        .filter(e -> "8a:Co2Mn0 16d:Co0Mn4".equals(e.info().get("occupancy"))).findFirst()
        .orElseThrow();
    String incar = Files.readString(out.resolve(normal.folder()).resolve("INCAR"));
    assertTrue(incar.contains("MAGMOM = 2*-3 4*4 8*0"), incar);
  }

  @Test
  void aseReadsTheWrittenFiles(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(DebianPython.canImport("ase"), "ASE (python3-ase) is not installed");
    Path out = export(dir, "extxyz,vasp,qe");
    Manifest.Entry e = Manifest.read(out.resolve("manifest.json")).entries().get(4);
    Path folder = out.resolve(e.folder());
    String script = String.join("\n",
        "import ase.io, sys",
        "d = sys.argv[1]",
        "a = ase.io.read(d + '/POSCAR', format='vasp')",
        "b = ase.io.read(d + '/structure.extxyz')",
        "c = ase.io.read(d + '/pw.in', format='espresso-in')",
        "for x in (a, b, c):",
        "    print(x.get_chemical_formula(), '%.6f' % x.get_volume())");
    Process p = new ProcessBuilder(DebianPython.PATH, "-c", script, folder.toString())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String text = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), text);
    Structure s = Poscar.read(folder.resolve("POSCAR"));
    String[] lines = text.strip().split("\n");
    assertEquals(3, lines.length, text);
    for (String line : lines) {
      String[] t = line.split(" ");
      assertEquals(String.format(java.util.Locale.ROOT, "%.6f", s.lattice().volume()), t[1]);
      assertEquals(lines[0].split(" ")[0], t[0]);
    }
  }

  @Test
  void badOptionsLeaveNoOutput(@TempDir Path dir) throws Exception {
    Path structures = dir.resolve("prim.extxyz");
    CliRun.of("structures", PRIMITIVE, "--all-compositions", "--distinct", "-o",
        structures.toString());
    Path options = dir.resolve("dft.yaml");
    Files.writeString(options, OPTIONS.replace("valence: {Co: 17, Mn: 15, O: 6}",
        "valence: {Co: 17}"));
    Path out = dir.resolve("dft");
    CliRun r = CliRun.of("spotcheck", "export", structures.toString(), "-o", out.toString(),
        "--options", options.toString(), "--system", PRIMITIVE, "--format", "qe");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("qe.valence.Mn"), r.err());
    assertFalse(Files.exists(out), "nothing written");
    Files.writeString(options, "magmom: {Co: {8a: 3}}\nkpoints: 3\n");
    r = CliRun.of("spotcheck", "export", structures.toString(), "-o", out.toString(),
        "--options", options.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown key 'kpoints'"), r.err());
    Files.writeString(options, "magmom: {Co: {8a: 3}}\n");
    r = CliRun.of("spotcheck", "export", structures.toString(), "-o", out.toString(),
        "--options", options.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--system"), r.err());
    r = CliRun.of("spotcheck", "export", structures.toString(), "-o", out.toString(),
        "--format", "castep");
    assertEquals(2, r.code());
    assertFalse(Files.exists(out), "nothing written");
  }
}
