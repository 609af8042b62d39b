package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestTest {
  @Test
  void aFileDigestIsItsSha256(@TempDir Path dir) throws Exception {
    Path abc = Files.writeString(dir.resolve("abc.txt"), "abc");
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        FileDigest.sha256(abc));
  }

  @Test
  void aFolderDigestFollowsEveryFileBelowIt(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data/calc/a"));
    Files.writeString(data.resolve("result.json"), "{\"energy\": -1.0}");
    Path folder = dir.resolve("data");
    String before = FileDigest.sha256(folder);
    assertEquals(before, FileDigest.sha256(folder), "same content, same digest");
    Path b = Files.createDirectories(dir.resolve("data/calc/b"));
    Files.writeString(b.resolve("result.json"), "{\"energy\": -2.0}");
    String added = FileDigest.sha256(folder);
    assertNotEquals(before, added, "a new calculation");
    Files.writeString(b.resolve("result.json"), "{\"energy\": -2.5}");
    assertNotEquals(added, FileDigest.sha256(folder), "a changed result");
    Files.move(b.resolve("result.json"), b.resolve("other.json"));
    assertNotEquals(added, FileDigest.sha256(folder), "a renamed file");
  }

  @Test
  void stageInputsFollowFoldersOutsideTheReportOnly(@TempDir Path dir) throws Exception {
    Path runs = Files.createDirectories(dir.resolve("runs/enum"));
    Files.writeString(runs.resolve("thermo.csv"), "T,F\n300,-1\n");
    Path report = Files.createDirectories(dir.resolve("report/stage"));
    Files.writeString(report.resolve("out.csv"), "x\n");
    SortedMap<String, String> inputs = StageInputs.of(List.of("thermo", runs.toString(),
        "-o", report.toString()), dir.resolve("report"));
    assertEquals(List.of(runs.toAbsolutePath().normalize().toString()),
        List.copyOf(inputs.keySet()));
    // a folder that holds the report too: the report's own files do not count
    String whole = StageInputs.of(List.of(dir.toString()), dir.resolve("report"))
        .get(dir.toAbsolutePath().normalize().toString());
    Files.writeString(report.resolve("out.csv"), "y\n");
    assertEquals(whole, StageInputs.of(List.of(dir.toString()), dir.resolve("report"))
        .get(dir.toAbsolutePath().normalize().toString()));
    Files.writeString(runs.resolve("thermo.csv"), "T,F\n300,-2\n");
    assertTrue(!whole.equals(StageInputs.of(List.of(dir.toString()), dir.resolve("report"))
        .get(dir.toAbsolutePath().normalize().toString())));
  }
}
