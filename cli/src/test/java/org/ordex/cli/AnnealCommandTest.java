package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.enumeration.ArrangementCursor;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.SystemFile;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;
import org.ordex.potentials.ce.ClusterExpansion;

class AnnealCommandTest {
  /** The lowest energy of all arrangements of a composition, by revolving-door enumeration. */
  static double exactLowest(Path ce, String composition) {
    SystemSpec s = SystemFile.read(Path.of(InfoCommandTest.COMNO));
    SupercellEnergy model = ClusterExpansion.read(ce).bind(s.supercell());
    ArrangementCursor cursor = new ArrangementCursor(ArrangementSpace.of(
        Composition.parse(composition, s.supercell())));
    MoveEvaluator ev = model.evaluator(cursor.occupation());
    double min = ev.energy();
    while (cursor.next() == 2) {
      ev.swap(cursor.changedSite(0), cursor.changedSite(1));
      min = Math.min(min, ev.energy());
    }
    return min;
  }

  @Test
  void annealingFindsTheExactGroundState(@TempDir Path dir) throws Exception {
    Path ce = SampleCommandTest.spinelCe(dir);
    Path out = dir.resolve("anneal");
    CliRun r = CliRun.of("anneal", InfoCommandTest.COMNO, "--model", ce.toString(),
        "--composition", "Co=8", "--from", "2000", "--to", "20", "--sweeps", "3000", "-o",
        out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(exactLowest(ce, "Co=8"), root.get("lowestEnergy").asDouble(), 1e-9);
    List<Frame> lowest = Extxyz.read(out.resolve("lowest.extxyz"));
    assertEquals(root.get("lowestEnergy").asDouble(), lowest.get(0).energy(), 1e-9);
    assertEquals(lowest.get(0).structure().speciesCounts(),
        Poscar.read(out.resolve("lowest.vasp")).speciesCounts());
    assertTrue(root.get("lowestEnergy").asDouble() <= root.get("finalEnergy").asDouble());
    List<String> trace = Files.readAllLines(out.resolve("anneal.csv"));
    assertEquals("sweep,temperature_K,energy_eV_per_supercell,acceptance", trace.get(0));
    assertEquals(201, trace.size());
    assertTrue(trace.get(200).startsWith("3000,20.0,"), trace.get(200));
  }

  @Test
  void badInputExitsWithTwo(@TempDir Path dir) {
    Path ce = SampleCommandTest.spinelCe(dir);
    String[][] cases = {
      {"--composition", "Co=8", "--from", "-100", "--to", "10", "must be positive"},
      {"--ensemble", "vcsgc", "--phi", "Co=-1", "--from", "100", "--to", "10",
          "canonical or sgc (annealing)"},
      {"--composition", "Co=8", "--from", "100", "--to", "10", "--schedule", "cubic",
          "unknown schedule"},
      {"--from", "100", "--to", "10", "needs --composition"},
    };
    for (String[] c : cases) {
      String expected = c[c.length - 1];
      List<String> a = new java.util.ArrayList<>(List.of("anneal", InfoCommandTest.COMNO,
          "--model", ce.toString(), "-o", dir.resolve("a").toString()));
      a.addAll(List.of(java.util.Arrays.copyOf(c, c.length - 1)));
      CliRun r = CliRun.of(a.toArray(new String[0]));
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains(expected), expected + " not in: " + r.err());
    }
  }
}
