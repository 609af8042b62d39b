package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;

/**
 * The whole spot-check loop on the 14-atom spinel cell with a stand-in for DFT (a shell
 * script that writes a known energy per arrangement): select → export → run → ingest (with
 * a cluster-expansion refit) → report, and the failure paths along the way.
 */
class SpotcheckLoopTest {
  static final String PRIMITIVE = SpotcheckExportCommandTest.PRIMITIVE;
  /** "DFT": −1.0 eV per Co on 8a, −0.6 per Co on 16d, +0.004 × rank; fails for one id. */
  static final String FAKE_DFT = "set -e; h=$(sed -n 2p structure.extxyz); "
      + "t=$(echo \"$h\" | sed 's/.*8a:Co\\([0-9]*\\)Mn.*/\\1/'); "
      + "o=$(echo \"$h\" | sed 's/.*16d:Co\\([0-9]*\\)Mn.*/\\1/'); "
      + "r=$(echo \"$h\" | sed 's/.* rank=\\([0-9]*\\).*/\\1/'); "
      + "if [ {id} = Co3Mn3-6 ]; then echo 'SCF not converged' >&2; exit 3; fi; "
      + "e=$(awk -v t=$t -v o=$o -v r=$r 'BEGIN{printf \"%.6f\", -100 - t - 0.6*o + 0.004*r}'); "
      + "sed \"2s/\\$/ energy=$e/\" structure.extxyz > dft.extxyz";

  static double toy(Frame f) {
    String occ = f.info().get("occupancy");
    int tet = occ.charAt(occ.indexOf("8a:Co") + 5) - '0';
    int oct = Integer.parseInt(occ.substring(occ.indexOf("16d:Co") + 6, occ.lastIndexOf("Mn")));
    return -100 - tet - 0.6 * oct;
  }

  @Test
  void selectExportRunIngestReport(@TempDir Path dir) throws Exception {
    Path all = dir.resolve("all.extxyz");
    assertEquals(0, CliRun.of("structures", PRIMITIVE, "--all-compositions", "--distinct", "-o",
        all.toString()).code());
    List<Frame> predicted = new ArrayList<>();
    for (Frame f : Extxyz.read(all)) {
      predicted.add(new Frame(f.structure(), toy(f), null, null, f.info()));
    }
    Path candidates = dir.resolve("candidates.extxyz");
    Extxyz.write(candidates, predicted);
    Path ce0 = dir.resolve("ce0.json");
    CliRun r = CliRun.of("ce", "fit", PRIMITIVE, "--data", candidates.toString(), "--cutoffs",
        "3", "--fit", "ols", "--cv", "loo", "-o", ce0.toString());
    assertEquals(0, r.code(), r.err());
    Path calc = dir.resolve("calc");
    r = CliRun.of("spotcheck", "select", candidates.toString(), "--system", PRIMITIVE,
        "--cutoffs", "3", "-n", "10", "-o", calc.toString());
    assertEquals(0, r.code(), r.err());
    r = CliRun.of("spotcheck", "export", calc.resolve("selected.extxyz").toString(), "-o",
        calc.toString(), "--format", "extxyz");
    assertEquals(0, r.code(), r.err());
    r = CliRun.of("spotcheck", "run", calc.toString(), "--command", FAKE_DFT, "--done-file",
        "dft.extxyz", "-j", "2");
    assertEquals(SpotcheckRunCommand.FAILED, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Co3Mn3-6: exit code 3: SCF not converged"), r.out());
    Path train = dir.resolve("train.extxyz");
    Path ce1 = dir.resolve("ce1.json");
    // a refit output that cannot be written stops the ingest before it touches the training set
    InfoCommandTest.assertBad(CliRun.of("spotcheck", "ingest", calc.toString(), "--system",
        PRIMITIVE, "--result", "dft.extxyz", "--add-to", train.toString(), "--model",
        ce0.toString(), "--refit-output", ce0.resolve("ce1.json").toString()),
        "a file is in the way");
    assertFalse(Files.exists(train));
    InfoCommandTest.assertBad(CliRun.of("spotcheck", "ingest", calc.toString(), "--system",
        PRIMITIVE, "--result", "dft.extxyz", "--add-to", train.toString(), "--model",
        dir.resolve("pot.mtp").toString()), "ingest refits cluster expansions (.json) only");
    assertFalse(Files.exists(train));
    r = CliRun.of("spotcheck", "ingest", calc.toString(), "--system", PRIMITIVE, "--result",
        "dft.extxyz", "--add-to", train.toString(), "--model", ce0.toString(),
        "--refit-output", ce1.toString(), "--json");
    assertEquals(SpotcheckRunCommand.FAILED, r.code(), r.err());
    JsonNode ingest = Json.MAPPER.readTree(r.out());
    assertEquals(10, ingest.get("entries").asInt());
    assertEquals(9, ingest.get("ingested").asInt());
    assertEquals(9, Extxyz.read(train).size());
    JsonNode refit = ingest.get("refit");
    assertTrue(refit.get("oldModelRmseOnNew").asDouble() > 0);
    assertTrue(Files.exists(ce1));
    String csv = Files.readString(calc.resolve("results.csv"));
    assertTrue(csv.contains("Co3Mn3-6,Co3Mn3,14,,,,,failed,\"the calculation failed: exit code 3"),
        csv);
    // ingesting again replaces, never duplicates, the training frames
    CliRun.of("spotcheck", "ingest", calc.toString(), "--result", "dft.extxyz", "--add-to",
        train.toString());
    assertEquals(9, Extxyz.read(train).size());
    Path out = dir.resolve("report");
    r = CliRun.of("spotcheck", "report", calc.toString(), "--system", PRIMITIVE, "--result",
        "dft.extxyz", "-o", out.toString(), "--json");
    assertEquals(SpotcheckRunCommand.FAILED, r.code(), r.err());
    JsonNode parity = Json.MAPPER.readTree(r.out());
    assertEquals(9, parity.get("compared").asInt());
    assertEquals("mixing energy per atom", parity.get("quantity").asText());
    // prediction = DFT − 0.004 × rank per cell, relative to each side's end members
    for (JsonNode row : parity.get("rows")) {
      double diff = row.get("predictedEnergyPerCell").asDouble()
          - row.get("dftEnergyPerCell").asDouble();
      String id = row.get("id").asText();
      long rank = Long.parseLong(id.substring(id.indexOf('-') + 1));
      assertEquals(-0.004 * rank, diff, 1e-6, id);
    }
    assertTrue(parity.get("rmse").asDouble() > 0 && parity.get("rmse").asDouble() < 0.01);
    assertTrue(Files.size(out.resolve("parity.png")) > 1000);
    assertTrue(Files.readString(out.resolve("parity.svg")).contains("<svg"));
    assertTrue(parity.get("missing").get(0).asText().startsWith("Co3Mn3-6"));
    r = CliRun.of("spotcheck", "report", calc.toString(), "--system", PRIMITIVE, "--result",
        "dft.extxyz", "--model", ce1.toString(), "-o", out.toString());
    assertEquals(SpotcheckRunCommand.FAILED, r.code(), r.err());
    assertTrue(r.out().contains("mixing energy per atom: RMSE"), r.out());
  }
}
