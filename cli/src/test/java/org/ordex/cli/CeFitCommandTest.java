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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.Lattice;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Structure;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemFile;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;

class CeFitCommandTest {
  static final String FCC = "../examples/fcc-binary/system.yaml";
  static final double[] TRUTH = {-3.9, 0.015, 0.06, -0.012, 0.004};

  @TempDir
  Path dir;

  /**
   * Relaxed-looking structures (strained cell, rattled atoms, shuffled order) of random Cu-Au
   * arrangements with energies of a known expansion (pairs ≤ 4 Å, triplets ≤ 3 Å).
   */
  static List<Frame> synthetic(int count, long seed) {
    SystemSpec fcc = SystemFile.read(Path.of(FCC));
    ClusterExpansion truth = ClusterExpansion.of(ClusterSpace.of(fcc.parent(), 4.0, 3.0),
        TRUTH);
    Random random = new Random(seed);
    List<Frame> frames = new ArrayList<>();
    List<Supercell> cells = List.of(fcc.supercell(), Supercell.diagonal(fcc.parent(), 1, 1, 2),
        Supercell.of(fcc.parent(), new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 2}}));
    for (int i = 0; i < count; i++) {
      Supercell cell = cells.get(i % cells.size());
      double x = random.nextDouble();
      byte[] occ = new byte[cell.activeSiteCount()];
      for (int a = 0; a < occ.length; a++) {
        occ[a] = (byte) (random.nextDouble() < x ? 1 : 0);
      }
      double e = truth.bind(cell).energy(occ);
      frames.add(Frame.of(relaxed(Configuration.of(cell, occ).toStructure(), random), e));
    }
    return frames;
  }

  static Structure relaxed(Structure s, Random random) {
    double[][] m = s.lattice().matrix();
    for (double[] row : m) {
      for (int k = 0; k < 3; k++) {
        row[k] *= 1.015 + 0.004 * random.nextDouble();
      }
    }
    Lattice l = Lattice.of(m);
    double[][] cart = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      cart[i] = l.toCartesian(s.fractional(i));
      for (int k = 0; k < 3; k++) {
        cart[i][k] += 0.05 * (2 * random.nextDouble() - 1);
      }
    }
    return Structure.fromCartesian(l, cart, s.species(), new boolean[] {true, true, true});
  }

  @Test
  void fitRecoversAKnownExpansionAndPredictsIt() throws Exception {
    Path data = dir.resolve("train.xyz");
    Extxyz.write(data, synthetic(45, 1));
    Path ce = dir.resolve("ce.json");
    CliRun r = CliRun.of("ce", "fit", FCC, "--data", data.toString(), "--cutoffs", "4,3",
        "--fit", "ols", "--cv", "kfold:5", "-o", ce.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("45 structures"), r.out());
    assertTrue(r.out().contains("energies in eV per primitive cell"), r.out());
    assertArrayEquals(TRUTH, ClusterExpansion.read(ce).ecis(), 1e-9);

    CliRun info = CliRun.of("ce", "info", ce.toString());
    assertEquals(0, info.code(), info.err());
    assertTrue(info.out().contains("cvRmse"), info.out());

    Path table = dir.resolve("pred.csv");
    CliRun p = CliRun.of("ce", "predict", ce.toString(), data.toString(), "--json", "-o",
        table.toString());
    assertEquals(0, p.code(), p.err());
    JsonNode rows = Json.MAPPER.readTree(p.out()).get("structures");
    assertEquals(45, rows.size());
    for (JsonNode row : rows) {
      assertEquals(0, row.get("errorMeVPerAtom").asDouble(), 1e-6);
    }
    assertEquals(46, Files.readAllLines(table).size());

    // the error summary: one structure 1 meV/atom off
    List<Frame> frames = new ArrayList<>(Extxyz.read(data));
    Frame f0 = frames.get(0);
    frames.set(0, Frame.of(f0.structure(), f0.energy() + 1e-3 * f0.structure().size()));
    Path shifted = dir.resolve("shifted.xyz");
    Extxyz.write(shifted, frames);
    p = CliRun.of("ce", "predict", ce.toString(), shifted.toString(), "--json");
    assertEquals(0, p.code(), p.err());
    JsonNode errors = Json.MAPPER.readTree(p.out()).get("errors");
    assertEquals(45, errors.get("structures").asInt());
    assertEquals(Math.sqrt(1.0 / 45), errors.get("rmse").asDouble(), 1e-6);
    assertEquals(1.0 / 45, errors.get("mae").asDouble(), 1e-6);
    assertEquals(1.0, errors.get("max").asDouble(), 1e-6);
    p = CliRun.of("ce", "predict", ce.toString(), shifted.toString());
    assertTrue(p.out().contains("errors over the 45 structures with a reference: RMSE 0.149"),
        p.out());
  }

  @Test
  void lassoAndRidgeWithJsonReport() throws Exception {
    Path data = dir.resolve("train.xyz");
    Extxyz.write(data, synthetic(40, 2));
    for (String method : new String[] {"lasso", "ridge"}) {
      Path ce = dir.resolve(method + ".json");
      CliRun r = CliRun.of("ce", "fit", FCC, "--data", data.toString(), "--cutoffs", "4,3",
          "--fit", method, "--cv", "shuffle:5:0.2", "--per", "atom", "--json", "-o",
          ce.toString());
      assertEquals(0, r.code(), r.err());
      JsonNode fit = Json.MAPPER.readTree(r.out()).get("fit");
      assertEquals(method, fit.get("method").asText());
      assertEquals("eV per atom", fit.get("unit").asText());
      assertTrue(fit.get("cvRmse").asDouble() < 1e-3, r.out());
      assertEquals(10, fit.get("worst").size());
    }
  }

  @Test
  void badInputExitsWith2AndWritesNothing() throws Exception {
    Path data = dir.resolve("train.xyz");
    List<Frame> frames = synthetic(12, 3);
    Extxyz.write(data, frames);
    Path ce = dir.resolve("ce.json");
    assertBad(ce, "--cutoffs: cutoff 1.0 Å for pairs is too short", "--data", data.toString(),
        "--cutoffs", "1.0");
    assertBad(ce, "--cutoffs: cutoff -4.0 for pairs", "--data", data.toString(), "--cutoffs",
        "-4");
    assertBad(ce, "fit method 'magic'", "--data", data.toString(), "--cutoffs", "4",
        "--fit", "magic");
    Structure s = frames.get(0).structure();
    String[] species = s.species();
    species[3] = "Ni";
    Path ni = dir.resolve("ni.xyz");
    Extxyz.write(ni, List.of(Frame.of(s.withSpecies(species), -1.0)));
    assertBad(ce, "atom 4 is Ni, which is not on the lattice", "--data", data.toString(),
        ni.toString(), "--cutoffs", "4");
    double[][] f = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      f[i] = s.fractional(i);
    }
    f[7][0] += 0.2;
    Path far = dir.resolve("far.xyz");
    Extxyz.write(far, List.of(Frame.of(Structure.of(s.lattice(), f, s.species()), -1.0)));
    assertBad(ce, "from the nearest site that allows it", "--data", far.toString(),
        data.toString(), "--cutoffs", "4");
    Path poscar = dir.resolve("POSCAR");
    Poscar.write(poscar, s, "no energy");
    assertBad(ce, "no energy", "--data", data.toString(), poscar.toString(), "--cutoffs", "4");
    Path small = dir.resolve("small.xyz");
    Extxyz.write(small, frames.subList(0, 3));
    assertBad(ce, "5-fold cross-validation needs at least 5", "--data", small.toString(),
        "--cutoffs", "4", "--cv", "kfold:5");
    // an output that cannot be written is found before anything is read or fitted
    InfoCommandTest.assertBad(CliRun.of("ce", "fit", FCC, "-o", data.resolve("ce.json")
        .toString(), "--data", dir.resolve("missing.xyz").toString(), "--cutoffs", "4"),
        "a file is in the way");
  }

  private void assertBad(Path output, String message, String... args) {
    List<String> all = new ArrayList<>(List.of("ce", "fit", FCC, "-o", output.toString()));
    all.addAll(List.of(args));
    InfoCommandTest.assertBad(CliRun.of(all.toArray(new String[0])), message);
    assertFalse(Files.exists(output));
  }

  @Test
  void gesn2n4SpinelDft() throws Exception {
    Path source = Path.of("../../shared/data/gesn2n4-spinel-sod");
    Assumptions.assumeTrue(Files.exists(source.resolve("vasp-energies.csv")));
    Path data = dir.resolve("gesn.xyz");
    Extxyz.write(data, GeSn2N4.frames(source));
    Path system = dir.resolve("system.yaml");
    Files.writeString(system, "name: GeSn2N4 spinel\nparent:\n  poscar: "
        + source.toAbsolutePath().resolve("POSCAR_normal_spinel") + "\nsites:\n"
        + "  Sn: [Ge, Sn]\n  Ge: [Ge, Sn]\n  N: [N]\n");
    Path ce = dir.resolve("ce.json");
    CliRun r = CliRun.of("ce", "fit", system.toString(), "--data", data.toString(),
        "--cutoffs", "6,4.5", "--fit", "ols", "--cv", "kfold:5", "--json", "-o",
        ce.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertEquals(1013, root.get("mapping").get("structures").asInt());
    assertEquals(0, root.get("mapping").get("maxDisplacement").asDouble(), 1e-6);
    double cv = root.get("fit").get("cvRmse").asDouble();
    double train = root.get("fit").get("trainRmse").asDouble();
    // energies per primitive cell (14 atoms) span about 0.25 eV
    assertTrue(cv < 0.010 && train <= cv, r.out());
  }
}
