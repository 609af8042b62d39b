package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;

class SplitCommandTest {

  @Test
  void splitsReproduciblyIntoTwoDisjointOrderedSets(@TempDir Path dir) throws Exception {
    Path all = dir.resolve("all.extxyz");
    assertEquals(0, CliRun.of("structures", StructuresCommandTest.primitiveSpinel(dir)
        .toString(), "--all-compositions", "-o", all.toString()).code());
    Path a = dir.resolve("a.extxyz");
    Path b = dir.resolve("b.extxyz");
    CliRun r = CliRun.of("split", all.toString(), "--fraction", "0.75", "--seed", "4", "-o",
        a.toString(), "--rest", b.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("64 frames: 48 to"), r.out());
    List<String> ids = ids(a);
    List<String> rest = ids(b);
    assertEquals(48, ids.size());
    assertEquals(16, rest.size());
    Set<String> union = new HashSet<>(ids);
    union.addAll(rest);
    assertEquals(new HashSet<>(ids(all)), union);
    List<String> order = new ArrayList<>(ids(all));
    order.retainAll(ids);
    assertEquals(order, ids, "the file's order is kept");

    Path a2 = dir.resolve("a2.extxyz");
    assertEquals(0, CliRun.of("split", all.toString(), "--fraction", "0.75", "--seed", "4",
        "-o", a2.toString(), "--rest", dir.resolve("b2.extxyz").toString()).code());
    assertEquals(ids, ids(a2), "same seed, same split");
    assertEquals(0, CliRun.of("split", all.toString(), "--fraction", "0.75", "--seed", "5",
        "-o", a2.toString(), "--rest", dir.resolve("b2.extxyz").toString()).code());
    assertFalse(ids.equals(ids(a2)), "another seed, another split");
  }

  @Test
  void badInput(@TempDir Path dir) throws Exception {
    Path all = dir.resolve("all.extxyz");
    assertEquals(0, CliRun.of("structures", StructuresCommandTest.primitiveSpinel(dir)
        .toString(), "--composition", "Co=1", "-o", all.toString()).code());
    Path a = dir.resolve("a.extxyz");
    String[] base = {"split", all.toString(), "-o", a.toString(), "--rest",
        dir.resolve("b.extxyz").toString(), "--fraction"};
    InfoCommandTest.assertBad(CliRun.of(concat(base, "1.5")), "expected 0 < F < 1");
    InfoCommandTest.assertBad(CliRun.of(concat(base, "0.01")), "leaves one file empty");
    assertFalse(Files.exists(a));
  }

  private static String[] concat(String[] a, String last) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = last;
    return out;
  }

  private static List<String> ids(Path file) {
    return Extxyz.read(file).stream().map(Frame::info).map(i -> i.get("id")).toList();
  }
}
