package org.ordex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.SystemFile;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

class SampleCommandTest {
  static final String COMNO = InfoCommandTest.COMNO;

  /**
   * A test cluster expansion of the spinel cations (Co prefers 8a; pairs to 3.6 Å, triplets to
   * 3.4 Å), written to {@code dir/spinel-ce.json}.
   */
  static Path spinelCe(Path dir) {
    ClusterSpace space = ClusterSpace.of(SystemFile.read(Path.of(COMNO)).parent(), 3.6, 3.4);
    Path p = dir.resolve("spinel-ce.json");
    ClusterExpansion.of(space,
        new double[] {0, -0.06, 0.03, 0.005, -0.004, 0.003, 0.002, -0.001, 0.001}).write(p);
    return p;
  }

  private static String[] args(Path ce, Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("sample", COMNO, "--model", ce.toString(), "-o",
        out.toString()));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void canonicalSpinelReportsAveragesWithErrors(@TempDir Path dir) throws Exception {
    Path ce = spinelCe(dir);
    Path out = dir.resolve("run");
    CliRun r = CliRun.of(args(ce, out, "--composition", "Co=12", "--temperatures", "300,900",
        "--sweeps", "3000", "--json"));
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals("canonical", root.get("ensemble").get("name").asText());
    assertEquals(24, root.get("activeSites").asInt());
    JsonNode temps = root.get("temperatures");
    assertEquals(2, temps.size());
    for (JsonNode t : temps) {
      assertTrue(t.get("energy").get("error").asDouble() > 0);
      assertTrue(t.get("heatCapacity").get("mean").asDouble() > 0);
      assertEquals(0.5, t.get("observables").get("c(Co)").get("mean").asDouble(), 0);
      assertTrue(t.get("equilibrationSweeps").asLong() > 0);
    }
    double inv300 = temps.get(0).get("observables").get("x(8a:Mn)").get("mean").asDouble();
    double inv900 = temps.get(1).get("observables").get("x(8a:Mn)").get("mean").asDouble();
    assertTrue(inv300 < inv900, "inversion grows with temperature: " + inv300 + " " + inv900);
    List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(3, csv.size());
    assertTrue(csv.get(0).startsWith("temperature_K,energy_eV_per_supercell,"));
    assertEquals(Json.MAPPER.readTree(out.resolve("summary.json").toFile()), root);
    assertFalse(Files.exists(out.resolve("checkpoint.bin")));
  }

  @Test
  void textOutputShowsTheTable(@TempDir Path dir) {
    CliRun r = CliRun.of("sample", CeCommandTest.ISING, "--model", CeCommandTest.ISING_CE,
        "--ensemble", "sgc", "--dmu", "B=0", "--temperatures", "200:300:50", "--sweeps", "2000",
        "-o", dir.resolve("ising").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("sgc: 2D Ising model"), r.out());
    assertTrue(r.out().contains("sro1(A-B)"), r.out());
    assertEquals(3, r.out().lines().filter(l -> l.matches("\\s+\\d+\\.\\d\\d\\s+-.*")).count(),
        r.out());
  }

  @Test
  void replicaExchangeTunesTheLadderAndCountsRoundTrips(@TempDir Path dir) throws Exception {
    Path ce = spinelCe(dir);
    CliRun r = CliRun.of(args(ce, dir.resolve("re"), "--composition", "Co=12",
        "--replica-exchange", "--replicas", "5", "--temperatures", "200,2000",
        "--adaptive-ladder", "2000", "--exchange-every", "2", "--sweeps", "3000", "--json"));
    assertEquals(0, r.code(), r.err());
    JsonNode x = Json.MAPPER.readTree(r.out()).get("replicaExchange");
    assertEquals(4, x.get("pairs").size());
    assertEquals(200, x.get("temperatures").get(0).asDouble(), 1e-9);
    assertEquals(2000, x.get("temperatures").get(4).asDouble(), 1e-9);
    assertNotEquals(x.get("initialTemperatures").get(2).asDouble(),
        x.get("temperatures").get(2).asDouble());
    assertTrue(x.get("roundTrips").asLong() > 0);
    for (JsonNode p : x.get("pairs")) {
      assertTrue(p.get("acceptance").asDouble() > 0.1, p.toString());
      assertEquals(750, p.get("attempts").asLong());
    }
  }

  @Test
  void snapshotsGoToAnExtxyzTrajectory(@TempDir Path dir) {
    Path ce = spinelCe(dir);
    Path out = dir.resolve("snap");
    CliRun r = CliRun.of(args(ce, out, "--composition", "Co=12", "--temperatures", "500,800",
        "--sweeps", "1000", "--snapshot-every", "250", "--equilibration", "100"));
    assertEquals(0, r.code(), r.err());
    List<Frame> frames = Extxyz.read(out.resolve("snapshots.extxyz"));
    assertEquals(8, frames.size());
    for (Frame f : frames) {
      assertEquals(56, f.structure().size());
      assertEquals(Integer.valueOf(12), f.structure().speciesCounts().get("Co"));
      assertTrue(f.hasEnergy());
      long sweep = Long.parseLong(f.info().get("sweep"));
      assertEquals(0, (sweep - 100) % 250);
    }
  }

  @Test
  void sameSeedSameResultsWhateverTheThreads(@TempDir Path dir) throws Exception {
    Path ce = spinelCe(dir);
    String[] common = {"--composition", "Co=12", "--temperatures", "400,700,1000",
        "--sweeps", "1500"};
    List<String> csv = new ArrayList<>();
    for (String threads : new String[] {"1", "2"}) {
      Path out = dir.resolve("t" + threads);
      List<String> a = new ArrayList<>(List.of(args(ce, out, common)));
      a.addAll(List.of("--threads", threads));
      assertEquals(0, CliRun.of(a.toArray(new String[0])).code());
      csv.add(Files.readString(out.resolve("summary.csv")));
    }
    assertEquals(csv.get(0), csv.get(1));
    Path other = dir.resolve("seed2");
    List<String> a = new ArrayList<>(List.of(args(ce, other, common)));
    a.addAll(List.of("--seed", "2"));
    assertEquals(0, CliRun.of(a.toArray(new String[0])).code());
    assertNotEquals(csv.get(0), Files.readString(other.resolve("summary.csv")));
  }

  /**
   * A run killed (SIGKILL) after its first checkpoint and started again with the same options
   * ends with the same summary and trajectory as a run that was never interrupted.
   */
  @Test
  void killedRunResumesWithTheSameStatistics(@TempDir Path dir) throws Exception {
    Path ce = spinelCe(dir);
    String[] common = {"--composition", "Co=12", "--temperatures", "300,600,900",
        "--sweeps", "30000", "--snapshot-every", "2500", "--checkpoint-every", "0.05",
        "--threads", "1"};
    Path killed = dir.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Ordex.class.getName()));
    cmd.addAll(List.of(args(ce, killed, common)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed.log").toFile()).start();
    Path checkpoint = killed.resolve("checkpoint.bin");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && !Files.exists(checkpoint) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assumeTrue(p.isAlive() && Files.exists(checkpoint),
        "the run ended before it could be killed: " + Files.readString(dir.resolve("killed.log")));
    p.destroyForcibly();
    p.waitFor();
    assertTrue(Files.exists(checkpoint));
    CliRun resumed = CliRun.of(args(ce, killed, common));
    assertEquals(0, resumed.code(), resumed.err());
    assertTrue(resumed.err().contains("resuming from"), resumed.err());
    Path whole = dir.resolve("whole");
    assertEquals(0, CliRun.of(args(ce, whole, common)).code());
    assertEquals(Files.readString(whole.resolve("summary.csv")),
        Files.readString(killed.resolve("summary.csv")));
    assertEquals(Files.readString(whole.resolve("snapshots.extxyz")),
        Files.readString(killed.resolve("snapshots.extxyz")));
  }

  @Test
  void checkpointOfOtherOptionsIsRefused(@TempDir Path dir) throws Exception {
    Path ce = spinelCe(dir);
    Path out = dir.resolve("x");
    Files.createDirectories(out);
    Files.write(out.resolve("checkpoint.bin"), new byte[] {1, 2, 3});
    CliRun r = CliRun.of(args(ce, out, "--composition", "Co=12", "--temperatures", "500"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("checkpoint"), r.err());
  }

  @Test
  void badInputExitsWithTwo(@TempDir Path dir) {
    Path ce = spinelCe(dir);
    Path out = dir.resolve("bad");
    String[][] spinel = {
      {"--composition", "Co=30", "--temperatures", "300", "Co=30"},
      {"--composition", "Co=12", "--dmu", "Mn=0.1", "--temperatures", "300",
          "--dmu sets a chemical potential"},
      {"--ensemble", "sgc", "--dmu", "O=0.1", "--temperatures", "300", "'O' is not a species"},
      {"--ensemble", "vcsgc", "--phi", "Co=-1,Mn=-1", "--temperatures", "300",
          "all species but one"},
    };
    for (String[] c : spinel) {
      expectBadInput(args(ce, out, java.util.Arrays.copyOf(c, c.length - 1)), c[c.length - 1],
          out);
    }
    String[][] ising = {
      {"--composition", "A=8", "--temperatures", "-5", "temperatures must be positive"},
      {"--composition", "A=8", "--temperatures", "0,300", "temperatures must be positive"},
      {"--ensemble", "grand", "--temperatures", "300", "unknown --ensemble 'grand'"},
      {"--temperatures", "300", "needs --composition"},
      {"--ensemble", "sgc", "--temperatures", "300", "needs --dmu"},
      {"--composition", "A=8", "--temperatures", "300,900", "--replicas", "4",
          "--replicas needs --replica-exchange"},
      {"--composition", "A=8", "--temperatures", "300", "--equilibration", "soon",
          "--equilibration 'soon'"},
      {"--composition", "A=8", "--temperatures", "300", "--sweeps", "0",
          "sweeps must be positive"},
    };
    for (String[] c : ising) {
      List<String> a = new ArrayList<>(List.of("sample", CeCommandTest.ISING, "--model",
          CeCommandTest.ISING_CE, "-o", out.toString()));
      a.addAll(List.of(java.util.Arrays.copyOf(c, c.length - 1)));
      expectBadInput(a.toArray(new String[0]), c[c.length - 1], out);
    }
  }

  private static void expectBadInput(String[] args, String expected, Path out) {
    CliRun r = CliRun.of(args);
    assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
    assertTrue(r.err().contains(expected), expected + " not in: " + r.err());
    assertFalse(Files.exists(out.resolve("summary.csv")));
  }
}
