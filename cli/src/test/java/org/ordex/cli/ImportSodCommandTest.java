package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;

class ImportSodCommandTest {
  /** Co2Mn4 on the 6 cation sites of the primitive spinel cell: sites 1–2 are 8a, 3–6 16d. */
  static final String SOD = """
         2 substitutions in    6 sites
         3 configurations
      1 1 1 2
      2 8 1 3
      3 6 3 4
      """;

  /** The primitive spinel cell with Mn on every cation site, as a POSCAR. */
  static Path reference(Path dir) throws Exception {
    Path system = StructuresCommandTest.primitiveSpinel(dir);
    assertEquals(0, CliRun.of("structures", system.toString(), "--composition", "Co=0", "-o",
        dir.resolve("ref.extxyz").toString(), "--poscar", dir.resolve("ref").toString())
        .code());
    return dir.resolve("ref").resolve("Co0Mn6-0.vasp");
  }

  @Test
  void configurationsBecomeFramesWithDegeneraciesAndEnergies(@TempDir Path dir)
      throws Exception {
    Path ref = reference(dir);
    Path list = dir.resolve("OUTSOD");
    Files.writeString(list, SOD);
    Path energies = dir.resolve("energies.csv");
    Files.writeString(energies, "tag,energy\nthird,-10.5\nfirst,-12.25\n");
    Path rows = dir.resolve("rows.txt");
    Files.writeString(rows, "2\n0\n");
    Path out = dir.resolve("sod.extxyz");
    CliRun r = CliRun.of("import", "sod", ref.toString(), list.toString(), "--sites", "Mn",
        "--substitute", "Co", "--host", "Mn", "--energies", energies.toString(),
        "--energy-column", "2", "--rows", rows.toString(), "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(3, root.get("configurations").asInt());
    assertEquals(15, root.get("degeneracySum").asInt());
    assertEquals(2, root.get("withEnergy").asInt());
    List<Frame> frames = Extxyz.read(out);
    assertEquals(3, frames.size());
    assertEquals(-12.25, frames.get(0).energy());
    assertEquals("first", frames.get(0).info().get("label"));
    assertFalse(frames.get(1).hasEnergy());
    assertEquals(-10.5, frames.get(2).energy());
    assertEquals("sod-2", frames.get(1).info().get("id"));
    assertEquals("8", frames.get(1).info().get("multiplicity"));
    assertEquals("Co", frames.get(2).structure().species(2));
    assertEquals("Co", frames.get(2).structure().species(3));
    assertEquals("Mn", frames.get(2).structure().species(0));

    // the SOD list is the complete orbit list of Co2Mn4, degeneracies = orbit sizes
    CliRun o = CliRun.of("orbits", StructuresCommandTest.primitiveSpinel(dir).toString(),
        out.toString(), "--json");
    assertEquals(0, o.code(), o.err());
    JsonNode orbits = Json.MAPPER.readTree(o.out());
    assertTrue(orbits.get("everyOrbitOnce").asBoolean());
    assertTrue(orbits.get("multiplicitiesAgree").asBoolean());

    Path only = dir.resolve("only.extxyz");
    assertEquals(0, CliRun.of("import", "sod", ref.toString(), list.toString(), "--sites", "Mn",
        "--substitute", "Co", "--host", "Mn", "--energies", energies.toString(),
        "--energy-column", "2", "--rows", rows.toString(), "--only-with-energies", "-o",
        only.toString()).code());
    assertEquals(2, Extxyz.read(only).size());
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    Path ref = reference(dir);
    Path list = dir.resolve("OUTSOD");
    Path out = dir.resolve("out.extxyz");
    Files.writeString(list, "1 1 1 7\n");
    assertBad(out, "site 7 is not one of the 6 numbered sites", ref, list);
    Files.writeString(list, "1 1 1 2\n2 8 1 3 4\n");
    assertBad(out, "line 2: 3 sites; the first configuration has 2", ref, list);
    Files.writeString(list, "1 0 1 2\n");
    assertBad(out, "degeneracy 0", ref, list);
    Files.writeString(list, SOD);
    Path energies = dir.resolve("e.txt");
    Files.writeString(energies, "-1\n-2\n");
    Path rows = dir.resolve("rows.txt");
    Files.writeString(rows, "1\n1\n");
    assertBad(out, "a second energy for configuration 2", ref, list, "--energies",
        energies.toString(), "--rows", rows.toString());
    Files.writeString(rows, "1\n");
    assertBad(out, "1 lines for the 2 rows", ref, list, "--energies", energies.toString(),
        "--rows", rows.toString());
    assertBad(out, "no such atoms", ref, list, "--sites", "Ge");
    assertBad(out, "--only-with-energies needs --energies", ref, list,
        "--only-with-energies");
  }

  private static void assertBad(Path out, String message, Path ref, Path list,
      String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("import", "sod", ref.toString(),
        list.toString(), "--substitute", "Co", "--host", "Mn", "-o", out.toString()));
    if (!List.of(extra).contains("--sites")) {
      args.addAll(List.of("--sites", "Mn"));
    }
    args.addAll(List.of(extra));
    InfoCommandTest.assertBad(CliRun.of(args.toArray(new String[0])), message);
    assertFalse(Files.exists(out));
  }
}
