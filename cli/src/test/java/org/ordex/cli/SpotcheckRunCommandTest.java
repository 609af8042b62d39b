package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotcheckRunCommandTest {
  /** Three calculation folders a, b, c without a manifest. */
  static Path folders(Path dir) throws Exception {
    Path root = dir.resolve("calc");
    for (String id : new String[] {"a", "b", "c"}) {
      Files.createDirectories(root.resolve(id));
    }
    return root;
  }

  @Test
  void runsEveryFolderRecordsFailuresAndResumes(@TempDir Path dir) throws Exception {
    Path root = folders(dir);
    String cmd = "if [ {id} = b ]; then echo 'no final energy' >&2; exit 5; fi; "
        + "echo $ORDEX_ID > result.txt; echo run >> {dir}/count";
    CliRun r = CliRun.of("spotcheck", "run", root.toString(), "--command", cmd,
        "--done-file", "result.txt", "-j", "2");
    assertEquals(SpotcheckRunCommand.FAILED, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("b: exit code 5: no final energy"), r.out());
    assertEquals("a\n", Files.readString(root.resolve("a/result.txt")));
    JsonNode rec = Json.MAPPER.readTree(root.resolve("b/ordex-run.json").toFile());
    assertEquals("failed", rec.get("state").asText());
    assertEquals(5, rec.get("exitCode").asInt());
    // a second run does not repeat finished or failed folders
    r = CliRun.of("spotcheck", "run", root.toString(), "--command", cmd, "--done-file",
        "result.txt", "--json");
    assertEquals(SpotcheckRunCommand.FAILED, r.code());
    JsonNode root2 = Json.MAPPER.readTree(r.out());
    assertEquals(0, root2.get("ranNow").asInt());
    assertEquals("run\n", Files.readString(root.resolve("a/count")));
    // retrying the failure with a fixed command succeeds and the exit code is 0
    r = CliRun.of("spotcheck", "run", root.toString(), "--command", "echo ok > result.txt",
        "--done-file", "result.txt", "--retry-failed");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("3 calculations: 1 run now, 3 done, 0 failed"), r.out());
  }

  @Test
  void timeoutKillsTheProcessTreeAndMissingResultFails(@TempDir Path dir) throws Exception {
    Path root = folders(dir);
    CliRun r = CliRun.of("spotcheck", "run", root.toString(), "--command",
        "if [ {id} = a ]; then sleep 60; fi; true", "--done-file", "result.json",
        "--timeout", "1s");
    assertEquals(SpotcheckRunCommand.FAILED, r.code());
    assertTrue(r.out().contains("a: timed out after 1s"), r.out());
    assertTrue(r.out().contains("b: exit code 0 but no result.json was written"), r.out());
    JsonNode rec = Json.MAPPER.readTree(root.resolve("a/ordex-run.json").toFile());
    assertTrue(rec.get("wallTimeSeconds").asDouble() < 30, rec.toString());
  }

  @Test
  void manifestEntryWithoutFolderIsRecordedAndTheRestRuns(@TempDir Path dir)
      throws Exception {
    Path root = folders(dir);
    Files.writeString(root.resolve("manifest.json"), """
        {"format": "ordex-spotcheck-manifest/1", "entries": [
          {"id": "a"}, {"id": "gone"}, {"id": "c"}]}
        """);
    CliRun r = CliRun.of("spotcheck", "run", root.toString(), "--command", "touch done");
    assertEquals(SpotcheckRunCommand.FAILED, r.code());
    assertTrue(r.out().contains("gone: folder"), r.out());
    assertTrue(r.out().contains("manifest and folders do not match"), r.out());
    assertTrue(Files.exists(root.resolve("a/done")) && Files.exists(root.resolve("c/done")));
    assertFalse(Files.exists(root.resolve("b/done")), "b is not in the manifest");
  }

  @Test
  void badOptionsAreExitCode2(@TempDir Path dir) throws Exception {
    Path root = folders(dir);
    CliRun r = CliRun.of("spotcheck", "run", root.toString(), "--command", "true",
        "--timeout", "soon");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--timeout"), r.err());
    r = CliRun.of("spotcheck", "run", dir.resolve("nowhere").toString(), "--command", "true");
    assertEquals(2, r.code());
    r = CliRun.of("spotcheck", "run", root.toString(), "--command", "true", "--only", "zz");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("zz"), r.err());
    Files.writeString(root.resolve("manifest.json"), "{\"format\": \"other\"}");
    r = CliRun.of("spotcheck", "run", root.toString(), "--command", "true");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("manifest"), r.err());
  }
}
