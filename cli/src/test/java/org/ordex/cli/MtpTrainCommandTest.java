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
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.potentials.mtp.MtpPotential;

class MtpTrainCommandTest {
  /** The first {@code n} DFT configurations of the LiTi2O4 training set. */
  private static Path data(Path dir, int n) {
    List<MlipCfg> all = MlipCfg.read(MtpCalcCommandTest.fixture("train_used_for_fit.cfg"));
    Path p = dir.resolve("train.cfg");
    MlipCfg.write(p, all.subList(0, n));
    return p;
  }

  @Test
  void trainsWritesAnMlipPotentialAndReportsErrors(@TempDir Path dir) throws Exception {
    Path train = data(dir, 8);
    Path pot = dir.resolve("pot.mtp");
    String valid = MtpCalcCommandTest.fixture("in_liti_test.cfg").toString();
    CliRun r = CliRun.of("mtp", "train", train.toString(), "--species", "Li,O,Ti", "--level",
        "6", "--min-dist", "1.5", "--starts", "2", "--start-iterations", "2", "--max-iter", "4",
        "--threads", "2", "--valid", valid, "-o", pot.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("E RMSE meV/at"), r.out());
    assertTrue(r.out().contains("in_liti_test.cfg"), r.out());
    assertTrue(r.err().contains("iteration"), r.err());
    MtpPotential p = MtpPotential.read(pot);
    assertTrue(p.isTrained());
    assertEquals(6, p.level());
    assertEquals(3, p.speciesCount());
    // the same seed gives the same potential, as JSON this time
    Path again = dir.resolve("again.mtp");
    r = CliRun.of("mtp", "train", train.toString(), "--species", "Li,O,Ti", "--level", "6",
        "--min-dist", "1.5", "--starts", "2", "--start-iterations", "2", "--max-iter", "4",
        "--valid", valid, "-o", again.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(pot), Files.readString(again));
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(6, root.get("level").asInt());
    assertEquals(8, root.get("errors").get("training").get("configurations").asInt());
    assertEquals(22, root.get("errors").get("validation").get(0).get("configurations").asInt());
    assertTrue(root.get("errors").get("training").get("energyPerAtom").get("rmse").asDouble()
        > 0);
    assertTrue(root.get("optimisation").get("secondsPerEpoch").asDouble() > 0);
  }

  @Test
  void extxyzWithEnergiesOnlyAndAResumedStart(@TempDir Path dir) throws Exception {
    MlipTypes types = MlipTypes.parse("Li,O,Ti");
    List<Frame> frames = new ArrayList<>();
    for (MlipCfg c : MlipCfg.read(data(dir, 6))) {
      frames.add(Frame.of(c.toFrame(types).structure(), c.energy()));
    }
    Path xyz = dir.resolve("energies.extxyz");
    Extxyz.write(xyz, frames);
    Path pot = dir.resolve("pot.mtp");
    CliRun r = CliRun.of("mtp", "train", xyz.toString(), "--species", "Li,O,Ti", "--level", "4",
        "--starts", "1", "--max-iter", "3", "--checkpoint", dir.resolve("ck.mtp").toString(),
        "-o", pot.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("energies.extxyz"), r.out());
    Path more = dir.resolve("more.mtp");
    r = CliRun.of("mtp", "train", xyz.toString(), "--species", "Li,O,Ti", "--init",
        pot.toString(), "--max-iter", "2", "-o", more.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(4, MtpPotential.read(more).level());
  }

  /**
   * Leave-one-out cross-validation pools the held-out errors of one potential per split:
   * the same numbers as training each split by hand and validating on the one left out.
   */
  @Test
  void crossValidationPoolsTheHeldOutErrorsOfEverySplit(@TempDir Path dir) throws Exception {
    List<MlipCfg> all = MlipCfg.read(data(dir, 4));
    String[] common = {"--species", "Li,O,Ti", "--level", "4", "--min-dist", "1.5",
        "--starts", "1", "--max-iter", "3", "--json"};
    CliRun r = CliRun.of(concat(new String[] {"mtp", "train", dir.resolve("train.cfg")
        .toString(), "--cv", "loo", "-o", dir.resolve("pot.mtp").toString()}, common));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("cross-validation split 4 of 4 trained"), r.err());
    JsonNode cv = Json.MAPPER.readTree(r.out()).get("errors").get("crossValidation");
    assertEquals("loo", cv.get("method").asText());
    assertEquals(4, cv.get("splits").asInt());
    assertEquals(4, cv.get("energyPerAtom").get("count").asInt());
    double squares = 0;
    double absolute = 0;
    double largest = 0;
    for (int k = 0; k < 4; k++) {
      List<MlipCfg> rest = new ArrayList<>(all);
      MlipCfg out = rest.remove(k);
      Path fit = dir.resolve("fit" + k + ".cfg");
      Path held = dir.resolve("held" + k + ".cfg");
      MlipCfg.write(fit, rest);
      MlipCfg.write(held, List.of(out));
      CliRun one = CliRun.of(concat(new String[] {"mtp", "train", fit.toString(), "--valid",
          held.toString(), "-o", dir.resolve("p" + k + ".mtp").toString()}, common));
      assertEquals(0, one.code(), one.err());
      double e = Json.MAPPER.readTree(one.out()).get("errors").get("validation").get(0)
          .get("energyPerAtom").get("rmse").asDouble();
      squares += e * e;
      absolute += e;
      largest = Math.max(largest, e);
    }
    JsonNode e = cv.get("energyPerAtom");
    assertEquals(Math.sqrt(squares / 4), e.get("rmse").asDouble(), 1e-9);
    assertEquals(absolute / 4, e.get("mae").asDouble(), 1e-9);
    assertEquals(largest, e.get("max").asDouble(), 1e-9);
    InfoCommandTest.assertBad(CliRun.of("mtp", "train", dir.resolve("train.cfg").toString(),
        "--species", "Li,O,Ti", "--level", "4", "--cv", "kfold:9", "-o",
        dir.resolve("bad.mtp").toString()), "needs at least 9 structures");
    assertFalse(Files.exists(dir.resolve("bad.mtp")));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aRecoveredPotentialReportsItsTinyErrorsNotZeros(@TempDir Path dir) throws Exception {
    // energies, forces and stresses of the level-10 fixture; its own basis and radial
    // coefficients as the start, no iterations: the refitted linear part reproduces them
    Path pot = MtpCalcCommandTest.fixture("pot.mtp");
    Path labelled = dir.resolve("labelled.cfg");
    CliRun r = CliRun.of("mtp", "calc", pot.toString(), data(dir, 3).toString(), "-o",
        labelled.toString());
    assertEquals(0, r.code(), r.err());
    Path out = dir.resolve("refit.mtp");
    r = CliRun.of("mtp", "train", labelled.toString(), "--species", "Li,O,Ti", "--init",
        pot.toString(), "--max-iter", "0", "-o", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    double rmse = Json.MAPPER.readTree(r.out()).get("errors").get("training")
        .get("energyPerAtom").get("rmse").asDouble();
    assertTrue(rmse > 0 && rmse < 1e-3, "energy RMSE " + rmse + " meV/atom");
    r = CliRun.of("mtp", "train", labelled.toString(), "--species", "Li,O,Ti", "--init",
        pot.toString(), "--max-iter", "0", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    String row = r.out().lines().filter(l -> l.contains("labelled.cfg") && !l.startsWith("#"))
        .findFirst().orElseThrow();
    double printed = Double.parseDouble(row.trim().split("\\s+")[2]);
    assertEquals(rmse, printed, 1e-3 * rmse, row);
  }

  @Test
  void badInputExitsWithTwoAndWritesNothing(@TempDir Path dir) throws Exception {
    Path train = data(dir, 2);
    Path pot = dir.resolve("pot.mtp");
    CliRun r = CliRun.of("mtp", "train", train.toString(), "--species", "Li,O,Ti", "--level",
        "7", "-o", pot.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown MTP level 7"), r.err());
    r = CliRun.of("mtp", "train", train.toString(), "--species", "Li,O", "--level", "4", "-o",
        pot.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("type 2"), r.err());
    Path xyz = dir.resolve("a.xyz");
    Files.writeString(xyz, "1\nLattice=\"5 0 0 0 5 0 0 0 5\" energy=-1.0\nCo 0 0 0\n");
    r = CliRun.of("mtp", "train", xyz.toString(), "--species", "Li,O,Ti", "-o",
        pot.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Co"), r.err());
    Path empty = dir.resolve("empty.cfg");
    Files.writeString(empty, "\n");
    r = CliRun.of("mtp", "train", empty.toString(), "--species", "Li,O,Ti", "-o",
        pot.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no configurations"), r.err());
    Path nan = dir.resolve("nan.cfg");
    Files.writeString(nan, Files.readString(train).replaceFirst("(?s)Energy\\s+\\S+",
        "Energy\n    NaN"));
    r = CliRun.of("mtp", "train", nan.toString(), "--species", "Li,O,Ti", "--level", "4", "-o",
        pot.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("configuration 1: no energy"), r.err());
    assertFalse(Files.exists(pot));
  }
}
