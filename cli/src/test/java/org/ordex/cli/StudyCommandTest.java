package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
  /** A small study of the 4×4 Ising example: counts, exact enumeration, a plot. */
  static final String ISING_STUDY = """
      name: Ising check
      description: A small study.
      paths:
        ising: ISING
      stages:
        - name: counts
          title: Counts
          run: info ${ising}/system.yaml
          headline:
            - {label: arrangements, value: /compositions/8/arrangements}
        - name: enumerate
          run: >
            enumerate ${ising}/system.yaml --model ${ising}/ce.json --composition A=8
            --temperatures 100:1000:100 -o ${out}
          quick: {--temperatures: "200:1000:400"}
          headline:
            - {label: lowest energy, value: /compositions/0/lowest/energy, scale: 1000, unit: meV, digits: 1}
            - {label: missing, value: /nothing}
        - name: heat
          title: Heat capacity
          notes: C_v of the 4x4 lattice at half filling.
          run: plot ${enumerate}/thermo.csv --x T_K --y Cv_kB_per_cell --title "C_v, exact" -o ${out}/cv
          headline:
            - {label: first temperature, value: /series/0/x/0, unit: K}
      """;

  static Path isingStudy(Path dir) throws Exception {
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, ISING_STUDY.replace("ISING",
        Path.of("../examples/ising").toAbsolutePath().toString()));
    return file;
  }

  @Test
  void runsStagesWritesTheReportAndReusesFinishedStages(@TempDir Path dir) throws Exception {
    isingStudy(dir);
    Path report = dir.resolve("report");
    CliRun r = CliRun.of("study", dir.toString(), "-o", report.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(3, root.get("stages").size());
    JsonNode h = root.get("headlines");
    assertEquals("12870", h.get(0).get("text").asText());
    assertEquals(-160.0, h.get(1).get("value").asDouble() * 1000, 1e-9, "A8B8 ground state "
        + "(two stripes: 24 like and 8 unlike bonds, −16 J with J = 10 meV)");
    assertEquals("-160.0 meV", h.get(1).get("text").asText());
    assertTrue(h.get(2).get("text").asText().startsWith("(no value at /nothing"));
    assertEquals("100.0 K", h.get(3).get("text").asText());
    for (String f : new String[] {"index.html", "report.md", "study.json", "study.yaml",
        "heat/cv.png", "heat/cv.svg", "enumerate/thermo.csv", "enumerate/stage.json",
        "counts/result.json", "counts/log.txt"}) {
      assertTrue(Files.isRegularFile(report.resolve(f)), f);
    }
    String html = Files.readString(report.resolve("index.html"));
    assertTrue(html.contains("<img src=\"heat/cv.png\""), html);
    assertTrue(html.contains("C_v of the 4x4 lattice at half filling."));
    assertTrue(html.contains("ordex plot ${enumerate}/thermo.csv --x T_K --y Cv_kB_per_cell "
        + "--title &quot;C_v, exact&quot; -o ${out}/cv"), html);
    assertTrue(html.contains("enumerate/thermo.csv</a>: 10 rows"), html);
    assertTrue(Files.readString(report.resolve("report.md")).contains("![cv.png](heat/cv.png)"));

    // again: every stage is reused
    r = CliRun.of("study", dir.toString(), "-o", report.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    for (JsonNode s : Json.MAPPER.readTree(r.out()).get("stages")) {
      assertTrue(s.get("reused").asBoolean(), s.toString());
    }
    // quick mode changes the enumeration: it and the stages after it run again
    r = CliRun.of("study", dir.toString(), "-o", report.toString(), "--quick", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode stages = Json.MAPPER.readTree(r.out()).get("stages");
    assertTrue(stages.get(0).get("reused").asBoolean());
    assertFalse(stages.get(1).get("reused").asBoolean());
    assertFalse(stages.get(2).get("reused").asBoolean());
    assertTrue(stages.get(1).get("args").toString().contains("200:1000:400"));
    assertEquals(3, Csv.read(report.resolve("enumerate/thermo.csv")).rows().size());
    assertTrue(Files.readString(report.resolve("index.html")).contains("Quick mode"));
  }

  @Test
  void aStageRunsAgainWhenAFileItReadsChanges(@TempDir Path dir) throws Exception {
    Path ising = Files.createDirectory(dir.resolve("ising"));
    for (String f : new String[] {"system.yaml", "ce.json"}) {
      Files.copy(Path.of("../examples/ising", f), ising.resolve(f));
    }
    Files.writeString(dir.resolve("study.yaml"),
        ISING_STUDY.replace("ISING", ising.toAbsolutePath().toString()));
    Path report = dir.resolve("report");
    CliRun r = CliRun.of("study", dir.toString(), "-o", report.toString());
    assertEquals(0, r.code(), r.err());
    Path model = ising.resolve("ce.json").toAbsolutePath().normalize();
    JsonNode record = Json.MAPPER.readTree(report.resolve("enumerate/stage.json").toFile());
    assertEquals(FileDigest.sha256(model), record.get("inputs").get(model.toString())
        .asText());
    // the same arguments, a changed model file: the stages that read it (and those after)
    // run again, the one that does not is reused
    Files.writeString(model, "\n", StandardOpenOption.APPEND);
    r = CliRun.of("study", dir.toString(), "-o", report.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode stages = Json.MAPPER.readTree(r.out()).get("stages");
    assertTrue(stages.get(0).get("reused").asBoolean(), "counts reads system.yaml only");
    assertFalse(stages.get(1).get("reused").asBoolean(), "enumerate reads ce.json");
    assertFalse(stages.get(2).get("reused").asBoolean(), "heat reads the enumeration");
    r = CliRun.of("study", dir.toString(), "-o", report.toString(), "--json");
    for (JsonNode s : Json.MAPPER.readTree(r.out()).get("stages")) {
      assertTrue(s.get("reused").asBoolean(), "nothing changed since: " + s);
    }
  }

  @Test
  void aFailingStageStopsTheStudyWithItsExitCode(@TempDir Path dir) throws Exception {
    Files.writeString(isingStudy(dir), ISING_STUDY.replace("ISING",
        Path.of("../examples/ising").toAbsolutePath().toString())
        .replace("--composition A=8", "--composition A=17"));
    Path report = dir.resolve("r");
    CliRun r = CliRun.of("study", dir.toString(), "-o", report.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("stage enumerate    FAILED (exit 2)"), r.out());
    assertFalse(Files.exists(report.resolve("heat")));
    String html = Files.readString(report.resolve("index.html"));
    assertTrue(html.contains("failed, exit code 2"), html);
    assertTrue(Files.readString(report.resolve("enumerate/log.txt")).contains("A=17"));
  }

  @Test
  void badStudyFiles(@TempDir Path dir) throws Exception {
    Path file = isingStudy(dir);
    String good = Files.readString(file);
    String[][] cases = {
        {"name: Ising check", "name: Ising check\nextra: 1", "extra: unknown key"},
        {"${ising}/system.yaml\n", "${isin}/system.yaml\n", "unknown variable ${isin}"},
        {"plot ${enumerate}", "plot ${heat}", "uses ${heat}, which is not an earlier stage"},
        {"run: info", "run: study", "'study' is not an ordex subcommand"},
        {"- name: heat", "- name: counts", "the name is used twice"},
        {"- name: heat", "- name: out", "'out' is not a valid name"},
        {"--title \"C_v, exact\"", "--title \"C_v", "unclosed quote"},
        {"value: /nothing", "value: nothing", "expected a JSON pointer"},
    };
    for (String[] c : cases) {
      assertTrue(good.contains(c[0]), c[0]);
      Files.writeString(file, good.replace(c[0], c[1]));
      InfoCommandTest.assertBad(CliRun.of("study", file.toString(), "-o",
          dir.resolve("r").toString()), c[2]);
    }
    Files.writeString(file, good.replace("ising: ", "ising: /nonexistent"));
    InfoCommandTest.assertBad(CliRun.of("study", dir.toString()),
        "does not exist; point the study at it with --set ising=PATH");
    Files.writeString(file, good);
    InfoCommandTest.assertBad(CliRun.of("study", dir.toString(), "--set", "data=/x"),
        "NAME one of the study's paths [ising]");
    InfoCommandTest.assertBad(CliRun.of("study", dir.resolve("none").toString()),
        "no study file");
    assertFalse(Files.exists(dir.resolve("r")));
  }

  /**
   * The flagship (Co,Mn)3O4 example in quick mode (what CI runs): cluster expansion and MTP
   * fitted to the DFT data, exact enumeration of the 56-atom cell with both, thermodynamics,
   * the genetic search agreeing with the exact ground states, Monte Carlo, spot-checks.
   */
  @Test
  void comnoQuickStudy(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.of("study", "../examples/comno", "--quick", "-o", dir.toString(),
        "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    for (JsonNode s : root.get("stages")) {
      assertEquals(0, s.get("exitCode").asInt(), s.toString());
    }
    java.util.Map<String, JsonNode> v = new java.util.HashMap<>();
    root.get("headlines").forEach(x -> v.put(x.get("label").asText(), x.get("value")));
    assertEquals(192, v.get("symmetry operations of the 56-atom cell (active-site "
        + "permutations)").asInt());
    assertEquals(14876, v.get("symmetry-distinct arrangements at x = 1/2").asInt());
    assertEquals(24, v.get("active (cation) sites of cell56.yaml").asInt());
    assertEquals(192, v.get("symmetry operations of cell56.yaml").asInt());
    int dft = v.get("DFT structures").asInt();
    assertTrue(dft >= 15, "the data file holds at least the 15 primitive cells: " + dft);
    assertEquals(dft, v.get("structures mapped").asInt());
    assertEquals(7, v.get("correlation functions").asInt(), "empty, 2 points, pairs to 5 Å");
    assertEquals(4, v.get("MTP level").asInt());
    double cv = v.get("CE leave-one-out CV RMSE").asDouble();
    assertTrue(cv > 0 && cv < 1, "eV per primitive cell: " + cv);
    double mtpCv = v.get("MTP leave-one-out CV RMSE").asDouble();
    assertTrue(mtpCv > 0 && mtpCv < 1000, "meV per atom: " + mtpCv);
    assertEquals(25, v.get("compositions compared").asInt());
    assertEquals(25, v.get("compositions where the GA found the exact lowest energy").asInt());
    double tc = v.get("top of the miscibility gap, exact (CE, 56-atom cell)").asDouble();
    assertTrue(tc > 1000, "positive mixing energies of several 100 meV: a high gap " + tc);
    double half = v.get("Co on 8a at 1000 K (448 atoms)").asDouble();
    assertTrue(half > 0 && half < 1, "a fraction: " + half);
    assertEquals(396, v.get("distinct 28-atom arrangements").asInt());
    assertEquals(16, v.get("chosen for DFT").asInt());
    assertEquals(18, Files.readAllLines(dir.resolve("spotcheck/selected.csv")).size(),
        "a comment, a header and 16 rows");
    for (String f : new String[] {"dft/hull.png", "mixing/mixing-1300K.png",
        "inversion/inversion-half.png", "thermo-mtp/plots/miscibility-gap.png",
        "ground-states/hull.png", "mtp/pot.mtp"}) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("<img src=\"mixing/mixing-1300K.png\""), "the figure is shown");
  }

  /**
   * The GeSn2N4 example in quick mode (what CI runs): ordex's orbits reproduce the SOD list,
   * the cluster expansion fits the GGA energies, the exact inversion degree comes out.
   */
  @Test
  void gesn2n4QuickStudy(@TempDir Path dir) throws Exception {
    Path data = Path.of("../../shared/data/gesn2n4-spinel-sod");
    Assumptions.assumeTrue(Files.exists(data.resolve("Atom_assignments_SOD.txt")));
    CliRun r = CliRun.of("study", "../examples/gesn2n4", "--quick", "--set", "data=" + data,
        "-o", dir.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode h = Json.MAPPER.readTree(r.out()).get("headlines");
    java.util.Map<String, JsonNode> v = new java.util.HashMap<>();
    h.forEach(x -> v.put(x.get("label").asText(), x.get("value")));
    assertEquals(4222, v.get("symmetry-distinct arrangements (Burnside)").asInt());
    assertEquals(735471, v.get("sum of SOD degeneracies").asInt());
    assertEquals(4222, v.get("ordex orbits hit by the SOD list").asInt());
    assertTrue(v.get("every orbit exactly once").asBoolean());
    assertEquals(0, v.get("SOD degeneracies that differ from ordex's orbit sizes").asInt());
    assertEquals(1013, v.get("configurations with a GGA energy").asInt());
    assertTrue(v.get("cross-validation RMSE").asDouble() < 0.010);
    assertEquals(4222, v.get("orbits scored").asInt());
    double i300 = v.get("inversion degree at 300 K").asDouble();
    double i1500 = v.get("inversion degree at 1500 K").asDouble();
    assertTrue(i300 > 0.99 && i1500 < i300 && i1500 > 0.5, i300 + " " + i1500);
    double exact = v.get("1 − inversion at 1500 K, CE exact").asDouble();
    assertEquals(1 - i1500, exact, 1e-12, "the same column of the same enumeration");
    double meanField = v.get("1 − inversion at 1500 K, mean field").asDouble();
    assertTrue(meanField > 0 && meanField < 0.5, "mean field " + meanField);
    double mtp = v.get("1 − inversion at 1500 K, MTP exact").asDouble();
    assertTrue(mtp >= 0 && mtp <= 1, "MTP " + mtp);
    assertEquals(304, v.get("training configurations").asInt(), "quick: 30 %");
    assertTrue(v.get("CE held-out RMSE").asDouble() < 1, "meV per atom");
    assertTrue(Files.isRegularFile(dir.resolve("thermo/plots/inversion.png")));
    assertTrue(Files.readString(dir.resolve("index.html"))
        .contains("<img src=\"thermo/plots/inversion.png\""));
    assertEquals(4223, Files.readAllLines(dir.resolve("predict/predicted.csv")).size());
    assertTrue(Files.isRegularFile(dir.resolve("inversion/inversion.png")));
  }
}
