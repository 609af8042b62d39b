package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.DistinctArrangements;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.SystemFile;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

class GroundStateCommandTest {
  static final String COMNO = InfoCommandTest.COMNO;
  static final String FCC = "../examples/fcc-binary/system.yaml";

  /** A test cluster expansion of the spinel: pairs to 6 Å, triplets to 3.6 Å, random ECIs. */
  static Path spinelCe(Path dir) {
    SystemSpec s = SystemFile.read(Path.of(COMNO));
    ClusterSpace space = ClusterSpace.of(s.parent(), 6.0, 3.6);
    Random random = new Random(3);
    double[] j = new double[space.size()];
    for (int i = 1; i < j.length; i++) {
      j[i] = (0.2 * random.nextDouble() - 0.1) / (1 + space.functions().get(i).orbit().radius());
    }
    Path p = dir.resolve("spinel-ce.json");
    ClusterExpansion.of(space, j).write(p);
    return p;
  }

  /** Nearest-neighbour antiferro pair on fcc (J = 0.01 eV): L1_0 at x = ½. */
  static Path fccCe(Path dir) {
    SystemSpec s = SystemFile.read(Path.of(FCC));
    Path p = dir.resolve("fcc-ce.json");
    ClusterExpansion.of(ClusterSpace.of(s.parent(), 3.0), new double[] {0, 0, 0.01}).write(p);
    return p;
  }

  @Test
  void spinelCompositionMatchesTheExactMinimumAndWritesStructures(@TempDir Path dir)
      throws Exception {
    Path ce = spinelCe(dir);
    Path out = dir.resolve("gs");
    CliRun r = CliRun.of("ground-state", COMNO, "--model", ce.toString(), "--composition",
        "Co=10", "--seed", "2", "--threads", "2", "--keep", "5", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("Co10Mn14: lowest"), r.err());
    List<Frame> frames = Extxyz.read(out.resolve("ground-states.extxyz"));
    assertEquals(5, frames.size());
    SystemSpec s = SystemFile.read(Path.of(COMNO));
    SupercellEnergy e = ClusterExpansion.read(ce).bind(s.supercell());
    double[] exact = {Double.POSITIVE_INFINITY};
    DistinctArrangements.of(ArrangementSpace.of(Composition.parse("Co=10", s.supercell())))
        .forEach((rank, occ, mult) -> exact[0] = Math.min(exact[0], e.energy(occ)));
    assertEquals(exact[0], frames.get(0).energy(), 1e-9);
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      assertEquals("Co10Mn14-gs" + (i + 1), f.info().get("id"));
      assertEquals(Integer.valueOf(10), f.structure().speciesCounts().get("Co"));
      assertEquals(Integer.valueOf(32), f.structure().speciesCounts().get("O"));
      assertTrue(i == 0 || frames.get(i - 1).energy() <= f.energy());
      assertEquals(f.structure().speciesCounts(), Poscar.read(out.resolve("poscar")
          .resolve(f.info().get("id") + ".vasp")).speciesCounts());
    }
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(3, summary.size());
    assertTrue(summary.get(2).startsWith("1x1x1,Co10Mn14,24,"), summary.get(2));
    assertFalse(Files.exists(out.resolve("hull.csv")));
  }

  @Test
  void allCompositionsOfTheFccAlloyGiveTheHull(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("gs");
    CliRun r = CliRun.of("ground-state", FCC, "--model", fccCe(dir).toString(),
        "--all-compositions", "--supercell", "2x1x1", "--restarts", "1", "--json", "-o",
        out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(9, root.get("results").size());
    assertTrue(root.get("hull").asBoolean());
    JsonNode half = root.get("results").get(4);
    assertEquals("Cu4Au4", half.get("composition").asText());
    // L1_0: 8 sites × 6 J × (−1/3)
    assertEquals(-0.16, half.get("lowestEnergy").asDouble(), 1e-9);
    List<String> line = Files.readAllLines(out.resolve("ground-state-line.csv"));
    assertTrue(line.stream().anyMatch(l -> l.startsWith("0.5000000000,-0.08000000000,")),
        String.join("\n", line));
    assertTrue(Files.size(out.resolve("hull.png")) > 1000);
    assertTrue(Files.readString(out.resolve("hull.svg")).contains("<svg"));
    CliRun hull = CliRun.of("hull", out.resolve("ground-states.extxyz").toString(), "-o",
        dir.resolve("hull").toString(), "--species", "Cu,Au");
    assertEquals(0, hull.code(), hull.err());
    assertTrue(hull.out().contains("ground-state line"), hull.out());
    assertTrue(hull.out().contains("-80.000  Cu4Au4-gs1"), hull.out());
    hull = CliRun.of("hull", out.resolve("ground-states.extxyz").toString(), "-o",
        dir.resolve("hull").toString(), "--species", "Cu,Au", "--json");
    JsonNode lowest = Json.MAPPER.readTree(hull.out()).get("lowestPerComposition");
    assertEquals(9, lowest.size());
    assertEquals(0.5, lowest.get("0.5000").get("x").asDouble());
    assertEquals(-0.08, lowest.at("/0.5000/formationEnergy").asDouble(), 1e-12);
    assertEquals("Cu4Au4-gs1", lowest.get("0.5000").get("id").asText());
    assertEquals(0.125, lowest.get("0.1250").get("x").asDouble());
  }

  @Test
  void referenceComparesWithTheExactLowestEnergies(@TempDir Path dir) throws Exception {
    Path ce = fccCe(dir);
    Path run = dir.resolve("enum");
    assertEquals(0, CliRun.of("enumerate", FCC, "--model", ce.toString(), "--supercell",
        "2x1x1", "--all-compositions", "--lowest", "1", "-o", run.toString()).code());
    CliRun r = CliRun.of("ground-state", FCC, "--model", ce.toString(), "--all-compositions",
        "--supercell", "2x1x1", "--restarts", "1", "--reference", run.toString(), "--json",
        "-o", dir.resolve("gs").toString());
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(9, root.get("reference").get("compared").asInt());
    assertEquals(9, root.get("reference").get("agree").asInt());
    assertEquals(0, root.get("results").get(4).get("exact").get("difference").asDouble(), 1e-9);
    // another supercell is not compared; a folder without summary.json is bad input
    r = CliRun.of("ground-state", FCC, "--model", ce.toString(), "--composition", "Cu=4",
        "--reference", run.toString(), "-o", dir.resolve("gs1").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("the search found 0 of 0"), r.out());
    InfoCommandTest.assertBad(CliRun.of("ground-state", FCC, "--model", ce.toString(),
        "--composition", "Cu=4", "--reference", dir.toString(), "-o",
        dir.resolve("gs2").toString()), "not an enumeration run directory");
  }

  @Test
  void badInputExitsWithTwo(@TempDir Path dir) throws Exception {
    Path ce = fccCe(dir);
    String out = dir.resolve("o").toString();
    String[][] bad = {
        {"--composition", "Cu=40"},
        {"--composition", "Zn=4"},
        {"--composition", "Cu=16", "--population", "1"},
        {"--composition", "Cu=16", "--selector", "best"},
        {"--composition", "Cu=16", "--crossover", "pmx"},
        {"--composition", "Cu=16", "--time-limit", "soon"},
        {"--composition", "Cu=16", "--mutation", "2"},
        {"--composition", "Cu=16", "--memetic", "-3"},
    };
    for (String[] b : bad) {
      String[] args = new String[5 + b.length];
      args[0] = "ground-state";
      args[1] = FCC;
      args[2] = "--model";
      args[3] = ce.toString();
      System.arraycopy(b, 0, args, 4, b.length);
      args[args.length - 1] = "-o" + out;
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code(), String.join(" ", b) + ": " + r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
    CliRun noModel = CliRun.of("ground-state", FCC, "--composition", "Cu=16", "-o", out);
    assertEquals(2, noModel.code());
    assertTrue(noModel.err().contains("--model"), noModel.err());
    Path noEnergy = dir.resolve("n.extxyz");
    Files.writeString(noEnergy, "1\nLattice=\"4 0 0 0 4 0 0 0 4\" "
        + "Properties=species:S:1:pos:R:3\nCu 0 0 0\n");
    CliRun hull = CliRun.of("hull", noEnergy.toString(), "-o", out);
    assertEquals(2, hull.code());
    assertTrue(hull.err().contains("no energy"), hull.err());
    assertEquals(2, CliRun.of("hull", dir.resolve("missing.extxyz").toString(), "-o", out)
        .code());
  }

  @Test
  void aKilledRunResumesFromTheCheckpoint(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("gs");
    String[] args = {"ground-state", FCC, "--model", fccCe(dir).toString(), "--all-compositions",
        "--supercell", "2x1x1", "--restarts", "1", "-o", out.toString()};
    GroundStateCommand parsed = new GroundStateCommand();
    new picocli.CommandLine(parsed).parseArgs(java.util.Arrays.copyOfRange(args, 1,
        args.length));
    SystemSpec s = SystemFile.read(Path.of(FCC));
    org.ordex.lattice.Supercell cell = org.ordex.lattice.Supercell.of(s.parent(),
        org.ordex.lattice.Supercell.parseMatrix("2x1x1"));
    org.ordex.sampling.ga.FixedComposition half = org.ordex.sampling.ga.FixedComposition.of(
        Composition.parse("Cu=4", cell));
    byte[] planted = half.random(new Random(1));
    double energy = ClusterExpansion.read(dir.resolve("fcc-ce.json")).bind(cell)
        .energy(planted);
    var result = new org.ordex.sampling.ga.GroundStateResult(half,
        List.of(new org.ordex.sampling.ga.ScoredOrdering(planted, energy, 7)), 424242, 3, 1,
        java.time.Duration.ofSeconds(1));
    GroundStateCheckpoint.save(new MonteCarloDirectory(out), parsed.fingerprint(),
        List.of(new GroundStateCheckpoint.Found(cell, "", result)));
    CliRun r = CliRun.of(args);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("Cu4Au4: lowest " + String.format(java.util.Locale.ROOT,
        "%.6f", energy)), r.err());
    assertTrue(r.err().contains("from the checkpoint"), r.err());
    assertTrue(Files.readString(out.resolve("summary.csv")).contains(",424242,7,3,1,"));
    assertFalse(Files.exists(out.resolve("checkpoint.bin")), "a finished run leaves none");
    GroundStateCheckpoint.save(new MonteCarloDirectory(out), "another run", List.of());
    CliRun other = CliRun.of(args);
    assertEquals(2, other.code());
    assertTrue(other.err().contains("another system, model or composition"), other.err());
  }

  @Test
  void severalSupercellShapes(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("gs");
    CliRun r = CliRun.of("ground-state", FCC, "--model", fccCe(dir).toString(), "--composition",
        "Cu=0.5", "--supercell", "1x1x1", "--supercell", "2x1x1", "--restarts", "1", "--json",
        "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode results = Json.MAPPER.readTree(r.out()).get("results");
    assertEquals(2, results.size());
    assertEquals("1x1x1.Cu2Au2-gs1", results.get(0).get("id").asText());
    assertEquals("2x1x1.Cu4Au4-gs1", results.get(1).get("id").asText());
    // L1_0 fits both cells: 6 J (−1/3) per site
    assertEquals(-0.08, results.get(0).get("lowestEnergy").asDouble(), 1e-9);
    assertEquals(-0.16, results.get(1).get("lowestEnergy").asDouble(), 1e-9);
    assertTrue(Files.exists(out.resolve("poscar").resolve("2x1x1.Cu4Au4-gs1.vasp")));
  }
}
