package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance checks of bad input across subcommands, as a user meets it: exactly one line on
 * stderr naming the file or option, exit code 2, nothing on stdout, no stack trace.
 */
class BadInputTest {
  static final String ISING = "../examples/ising/system.yaml";
  static final String ISING_CE = "../examples/ising/ce.json";

  @Test
  void commandLineErrorsAreOneLine() {
    assertOneLine(CliRun.of("info", ISING, "--frobnicate"), "Unknown option: '--frobnicate'");
    assertOneLine(CliRun.of("info"), "Missing required parameter");
    assertOneLine(CliRun.of("sample", ISING, "--model", ISING_CE, "--composition", "B=8",
        "--temperatures", "300", "--seed", "abc", "-o", "x"), "'--seed'");
    assertOneLine(CliRun.of("enumerate", ISING, "--model", ISING_CE, "-o", "x"),
        "--all-compositions");
    assertOneLine(CliRun.of("frobnicate"), "frobnicate");
    assertOneLine(CliRun.of("ce"), "subcommand");
  }

  @Test
  void malformedYamlIsOneLineWithFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nsites: [\n");
    assertOneLine(CliRun.of("info", bad.toString()), bad + " line 3: not valid YAML");
    assertOneLine(CliRun.of("study", bad.toString()), bad + " line 3: not valid YAML");
    Path twice = dir.resolve("twice.yaml");
    Files.writeString(twice, "name: x\nname: y\n");
    assertOneLine(CliRun.of("info", twice.toString()),
        twice + " line 2: not valid YAML (key 'name' given twice)");
    Path structures = dir.resolve("s.extxyz");
    assertEquals(0, CliRun.of("structures", ISING, "--composition", "B=1", "-o",
        structures.toString()).code());
    assertOneLine(CliRun.of("spotcheck", "export", structures.toString(), "-o",
        dir.resolve("out").toString(), "--options", bad.toString()),
        bad + " line 3: not valid YAML");
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void annealingThatWouldHeatIsRefused(@TempDir Path dir) {
    assertOneLine(CliRun.of("anneal", ISING, "--model", ISING_CE, "--composition", "B=8",
        "--from", "10", "--to", "100", "-o", dir.resolve("a").toString()),
        "--from 10.0 K is below --to 100.0 K");
    assertFalse(Files.exists(dir.resolve("a")));
  }

  @Test
  void outputFileThatIsADirectoryIsNamed(@TempDir Path dir) {
    assertOneLine(CliRun.of("structures", ISING, "--composition", "B=1", "-o", dir.toString()),
        "cannot write " + dir + ": it is a directory");
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "no temporary file left behind");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void modelOfASmallerParentCellSaysHowToUseIt(@TempDir Path dir) throws Exception {
    Path ce = dir.resolve("ce14.json");
    CliRun fit = CliRun.of("ce", "fit", "../examples/comno/primitive.yaml", "--data",
        "../examples/comno/data/comno-dft.extxyz", "--cutoffs", "3.5", "--cv", "loo",
        "--fit", "ridge", "-o", ce.toString());
    assertEquals(0, fit.code(), fit.err());
    assertOneLine(CliRun.of("enumerate", "../examples/comno/system.yaml", "--model",
        ce.toString(), "--composition", "Co=1", "-o", dir.resolve("run").toString()),
        "the model's parent cell has 14 sites, the system's has 56; if the system's cell is "
            + "a supercell of the model's parent cell, give a system file with the model's "
            + "parent");
    // the advice works: the 56-atom cell as a supercell of the 14-atom primitive cell
    Path system = dir.resolve("system56.yaml");
    Files.writeString(system, Files.readString(Path.of("../examples/comno/primitive.yaml"))
        .replace("supercell: 1x1x1", "supercell: [[-1, 1, 1], [1, -1, 1], [1, 1, -1]]"));
    var info = Json.MAPPER.readTree(CliRun.of("info", system.toString(), "--json").out());
    assertEquals(24, info.get("activeSites").asInt());
    assertEquals(192, info.get("symmetryOperations").asInt());
    CliRun run = CliRun.of("enumerate", system.toString(), "--model", ce.toString(),
        "--composition", "Co=1", "-o", dir.resolve("run").toString());
    assertEquals(0, run.code(), run.err());
  }

  @Test
  void mtpTrainingChecksItsOutputsBeforeTraining(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    String data = "../examples/comno/data/comno-dft.extxyz";
    assertOneLine(CliRun.of("mtp", "train", data, "--species", "Co,Mn,O", "--level", "2",
        "--starts", "1", "--max-iter", "2", "-o", file.resolve("pot.mtp").toString()),
        "cannot write " + file.resolve("pot.mtp") + " (a file is in the way: " + file + ")");
    assertOneLine(CliRun.of("mtp", "train", data, "--species", "Co,Mn,O", "--level", "2",
        "--starts", "1", "--max-iter", "2", "-o", dir.resolve("pot.mtp").toString(),
        "--checkpoint", dir.toString()), "cannot write " + dir + ": it is a directory");
    assertFalse(Files.exists(dir.resolve("pot.mtp")));
  }

  @Test
  void aSpotCheckReportBeforeAnyDftRunSaysSoBriefly(@TempDir Path dir) {
    String primitive = "../examples/comno/primitive.yaml";
    Path frames = dir.resolve("dft.extxyz");
    assertEquals(0, CliRun.of("structures", primitive, "--all-compositions", "--distinct", "-o",
        frames.toString()).code());
    Path calc = dir.resolve("dft14");
    assertEquals(0, CliRun.of("spotcheck", "export", frames.toString(), "-o", calc.toString())
        .code());
    CliRun r = CliRun.of("spotcheck", "report", calc.toString(), "--system", primitive,
        "-o", dir.resolve("parity").toString());
    assertOneLine(r, calc + ": no DFT result to compare (15 missing: Co0Mn6-0: ");
    assertTrue(r.err().contains("… and 14 more"), r.err());
    assertFalse(r.err().contains("Co6Mn0-0"), r.err());
    assertFalse(Files.exists(dir.resolve("parity")));
  }

  @Test
  void aModelOfOtherSpeciesIsNamedSo(@TempDir Path dir) {
    CliRun r = CliRun.of("enumerate", "../examples/comno/system.yaml", "--model", ISING_CE,
        "--composition", "Co=12", "-o", dir.resolve("run").toString());
    assertOneLine(r, "the model's species [A, B] are not the system's [Co, Mn, O]");
    assertFalse(r.err().contains("supercell"), r.err());
  }

  static void assertOneLine(CliRun r, String fragment) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("", r.out(), "nothing on stdout");
    String err = r.err().strip();
    assertFalse(err.contains("\n"), "one line on stderr:\n" + r.err());
    assertTrue(err.startsWith("ordex"), err);
    assertTrue(err.contains(fragment), err);
    assertFalse(err.contains("Exception"), err);
  }
}
