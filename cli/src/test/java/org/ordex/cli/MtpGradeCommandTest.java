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
import org.ordex.lattice.MlipCfg;

class MtpGradeCommandTest {
  /** A smaller training set (the first 60 of grade_train.cfg) keeps the test quick. */
  static Path smallTraining(Path dir) {
    Path p = dir.resolve("train.cfg");
    MlipCfg.write(p, MlipCfg.read(MtpCalcCommandTest.fixture("grade_train.cfg")).subList(0, 60));
    return p;
  }

  @Test
  void gradesEveryCandidateAndSelectsTheExtrapolativeOnes(@TempDir Path dir) throws Exception {
    String pot = MtpCalcCommandTest.fixture("pot.mtp").toString();
    String train = smallTraining(dir).toString();
    String in = MtpCalcCommandTest.fixture("grade_in.cfg").toString();
    Path graded = dir.resolve("graded.cfg");
    CliRun r = CliRun.of("mtp", "grade", pot, train, in, "-o", graded.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("active set:"), r.out());
    List<MlipCfg> g = MlipCfg.read(graded);
    assertEquals(32, g.size());
    assertTrue(g.get(0).features().containsKey("MV_grade"));
    // the summary: the largest grade and how many lie above 2, as in the rows
    JsonNode root = Json.MAPPER.readTree(r.out());
    double largest = 0;
    int aboveTwo = 0;
    int at = 0;
    for (JsonNode row : root.get("configurations")) {
      double gamma = row.get("grade").asDouble();
      aboveTwo += gamma > 2 ? 1 : 0;
      if (gamma > largest) {
        largest = gamma;
        at = row.get("index").asInt();
      }
    }
    assertEquals(32, root.get("candidates").asInt());
    assertEquals(largest, root.get("largestGrade").asDouble());
    assertEquals(at, root.get("largestGradeConfiguration").asInt());
    assertEquals(aboveTwo, root.get("aboveTwo").asInt());
    Path sel = dir.resolve("sel.cfg");
    r = CliRun.of("mtp", "select", pot, train, in, "--threshold", "2", "-o", sel.toString(),
        "--limit", "5", "--json");
    assertEquals(0, r.code(), r.err());
    List<MlipCfg> chosen = MlipCfg.read(sel);
    assertTrue(!chosen.isEmpty() && chosen.size() <= 5, r.out());
    double previous = Double.MAX_VALUE;
    for (MlipCfg c : chosen) {
      String v = c.features().get("MV_grade");
      double gamma = v.equals("9.9e99") ? 9.9e99 : Double.parseDouble(v);
      assertTrue(gamma > 2 && gamma <= previous, v);
      previous = gamma;
    }
  }

  @Test
  void badOptionsExitWithTwo(@TempDir Path dir) {
    String pot = MtpCalcCommandTest.fixture("pot.mtp").toString();
    String in = MtpCalcCommandTest.fixture("grade_in.cfg").toString();
    Path sel = dir.resolve("sel.cfg");
    CliRun r = CliRun.of("mtp", "select", pot, in, in, "--threshold", "0.5", "-o",
        sel.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--threshold"), r.err());
    r = CliRun.of("mtp", "grade", pot, dir.resolve("missing.cfg").toString(), in);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
    assertFalse(Files.exists(sel));
  }
}
