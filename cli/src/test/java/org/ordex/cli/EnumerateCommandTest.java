package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.SystemFile;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

class EnumerateCommandTest {
  static final String ISING = "../examples/ising/system.yaml";
  static final String ISING_CE = "../examples/ising/ce.json";
  static final String PRIMITIVE = "../examples/comno/primitive.yaml";

  static CliRun ising(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("enumerate", ISING, "--model", ISING_CE,
        "--all-compositions", "--temperatures", "100:1000:100", "--lowest", "2", "-o",
        out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(new String[0]));
  }

  /** A random pairs + triplets cluster expansion of the 14-atom spinel cell. */
  static Path spinelCe(Path dir) {
    ClusterSpace space = ClusterSpace.of(SystemFile.read(Path.of(PRIMITIVE)).parent(), 6.0,
        4.0);
    Random r = new Random(2);
    double[] ecis = new double[space.size()];
    for (int i = 0; i < ecis.length; i++) {
      ecis[i] = 0.05 * r.nextGaussian();
    }
    Path p = dir.resolve("ce.json");
    ClusterExpansion.of(space, ecis).write(p);
    return p;
  }

  static List<String[]> csv(Path p) throws Exception {
    return Files.readAllLines(p).stream().map(l -> l.split(",")).toList();
  }

  @Test
  void isingRunWritesReportsAndDistinctModeAgrees(@TempDir Path dir) throws Exception {
    CliRun full = ising(dir.resolve("full"), "--json");
    assertEquals(0, full.code(), full.err());
    JsonNode summary = Json.MAPPER.readTree(full.out());
    long total = 0;
    for (JsonNode c : summary.get("compositions")) {
      assertTrue(c.get("complete").asBoolean());
      total += c.get("covered").asLong();
    }
    assertEquals(65536, total);
    assertEquals(-0.32, summary.get("compositions").get(0).get("lowest").get("energy")
        .asDouble(), 1e-12);
    CliRun distinct = ising(dir.resolve("distinct"), "--distinct");
    assertEquals(0, distinct.code(), distinct.err());
    List<String[]> a = csv(dir.resolve("full/thermo.csv"));
    List<String[]> b = csv(dir.resolve("distinct/thermo.csv"));
    assertEquals(1 + 17 * 10, a.size());
    assertArrayEquals(a.get(0), b.get(0));
    assertEquals("lnZ", a.get(0)[4]);
    for (int i = 1; i < a.size(); i++) {
      for (int k = 4; k < 7; k++) {
        double x = Double.parseDouble(a.get(i)[k]);
        assertEquals(x, Double.parseDouble(b.get(i)[k]), 1e-12 * Math.max(1, Math.abs(x)));
      }
    }
    List<Frame> lowest = Extxyz.read(dir.resolve("full/lowest.extxyz"));
    assertEquals(2 * 17 - 2, lowest.size());
    assertEquals(-0.32, lowest.get(0).energy(), 1e-12);
    assertTrue(Files.exists(dir.resolve("full/lowest").resolve(lowest.get(0).info().get("id")
        + ".vasp")));
    assertTrue(csv(dir.resolve("full/dos.csv")).size() > 17);
  }

  @Test
  void shardsMergedEqualOneRunAndAKilledRunResumes(@TempDir Path dir) throws Exception {
    assertEquals(0, ising(dir.resolve("one")).code());
    List<String> merge = new ArrayList<>(List.of("merge"));
    for (int i = 1; i <= 3; i++) {
      Path shard = dir.resolve("shard" + i);
      CliRun r = ising(shard, "--shard", i + "/3", "--threads", "1");
      assertEquals(0, r.code(), r.err());
      merge.add(shard.toString());
    }
    merge.addAll(List.of("-o", dir.resolve("merged").toString()));
    CliRun m = CliRun.of(merge.toArray(new String[0]));
    assertEquals(0, m.code(), m.err());
    assertTrue(m.out().contains("merged 3 run directories"), m.out());
    assertSameReports(dir.resolve("one"), dir.resolve("merged"));
    CliRun partial = CliRun.of("merge", dir.resolve("shard1").toString(), "-o",
        dir.resolve("partial").toString(), "--json");
    assertEquals(0, partial.code(), partial.err());
    assertFalse(Json.MAPPER.readTree(partial.out()).get("compositions").get(16)
        .get("complete").asBoolean());

    Path chunks = dir.resolve("one/chunks");
    List<Path> files;
    try (Stream<Path> s = Files.list(chunks)) {
      files = s.sorted().toList();
    }
    byte[] lost = Files.readAllBytes(files.get(4));
    Files.delete(files.get(4));
    Files.delete(files.get(9));
    Files.writeString(chunks.resolve(".chunk-0000004.bin123.tmp"), "half written");
    Path copy = dir.resolve("copy.csv");
    Files.copy(dir.resolve("one/thermo.csv"), copy);
    CliRun resumed = ising(dir.resolve("one"));
    assertEquals(0, resumed.code(), resumed.err());
    assertTrue(resumed.err().contains("15 of 17 chunks already done"), resumed.err());
    assertArrayEquals(lost, Files.readAllBytes(files.get(4)));
    assertEquals(Files.readString(copy), Files.readString(dir.resolve("one/thermo.csv")));
    assertSameReports(dir.resolve("one"), dir.resolve("merged"));
  }

  static void assertSameReports(Path a, Path b) throws Exception {
    for (String f : new String[] {"thermo.csv", "dos.csv", "lowest.extxyz"}) {
      assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
    }
  }

  @Test
  void spinelRunReportsSublatticeOccupations(@TempDir Path dir) throws Exception {
    Path ce = spinelCe(dir);
    CliRun r = CliRun.of("enumerate", PRIMITIVE, "--model", ce.toString(), "--composition",
        "Co=2", "--distinct", "--temperatures", "300,1000,3000", "-o",
        dir.resolve("run").toString());
    assertEquals(0, r.code(), r.err());
    List<String[]> rows = csv(dir.resolve("run/thermo.csv"));
    List<String> header = List.of(rows.get(0));
    int tet = header.indexOf("8a_Co");
    int oct = header.indexOf("16d_Co");
    assertEquals(4, rows.size());
    for (String[] row : rows.subList(1, rows.size())) {
      double x8 = Double.parseDouble(row[tet]);
      double x16 = Double.parseDouble(row[oct]);
      assertTrue(x8 >= 0 && x8 <= 1);
      assertEquals(2.0, 2 * x8 + 4 * x16, 1e-12);
      assertEquals(1.0, x8 + Double.parseDouble(row[header.indexOf("8a_Mn")]), 1e-12);
    }
  }

  @Test
  void badInputExitsWithCode2(@TempDir Path dir) throws Exception {
    String out = dir.resolve("o").toString();
    InfoCommandTest.assertBad(CliRun.of("enumerate", ISING, "--model", "x.txt",
        "--all-compositions", "-o", out), "unknown kind of model");
    InfoCommandTest.assertBad(CliRun.of("enumerate", ISING, "--model", "missing.json",
        "--all-compositions", "-o", out), "missing.json");
    InfoCommandTest.assertBad(CliRun.of("enumerate", ISING, "--all-compositions", "-o", out),
        "--model FILE is required");
    InfoCommandTest.assertBad(CliRun.of("enumerate", ISING, "--model", ISING_CE,
        "--composition", "A=17", "-o", out), "does not fit");
    for (String shard : new String[] {"0/3", "4/3", "a/b", "1", "1/0"}) {
      InfoCommandTest.assertBad(ising(dir.resolve("s"), "--shard", shard), "--shard");
    }
    InfoCommandTest.assertBad(ising(dir.resolve("t"), "--temperatures", "0:100:10"),
        "--temperatures");
    InfoCommandTest.assertBad(ising(dir.resolve("t"), "--temperatures", "hot"),
        "--temperatures");
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    InfoCommandTest.assertBad(ising(blocker.resolve("run")), "cannot create output directory");
    assertEquals(0, ising(dir.resolve("run")).code());
    InfoCommandTest.assertBad(ising(dir.resolve("run"), "--distinct"), "holds another");
    InfoCommandTest.assertBad(CliRun.of("merge", dir.resolve("run").toString(),
        dir.toString(), "-o", dir.resolve("m").toString()), "not an enumeration run");
  }
}
