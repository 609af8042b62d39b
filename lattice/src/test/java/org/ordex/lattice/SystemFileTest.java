package org.ordex.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemFileTest {
  static final String SPINEL = """
      name: test
      parent:
        prototype: spinel
        a: 8.08
        u: 0.264
      sites:
        8a: [Co, Mn]
        16d: [Co, Mn]
        32e: [O]
      supercell: 1x1x1
      """;

  @TempDir
  Path dir;

  Path write(String text) throws IOException {
    Path p = dir.resolve("system.yaml");
    Files.writeString(p, text);
    return p;
  }

  String error(String text) throws IOException {
    Path p = write(text);
    return assertThrows(InvalidInputException.class, () -> SystemFile.read(p)).getMessage();
  }

  @Test
  void readsSpinel() throws IOException {
    SystemSpec s = SystemFile.read(write(SPINEL));
    assertEquals(24, s.supercell().activeSiteCount());
    assertEquals(192, s.supercell().symmetryCount());
  }

  @Test
  void readsPoscarParentWithMatrixSupercell() throws IOException {
    Files.writeString(dir.resolve("POSCAR"), "CuAu\n1.0\n4 0 0\n0 4 0\n0 0 4\nCu\n4\nDirect\n"
        + "0 0 0\n0 .5 .5\n.5 0 .5\n.5 .5 0\n");
    SystemSpec s = SystemFile.read(write("""
        parent: {poscar: POSCAR}
        sites: {Cu: [Cu, Au]}
        supercell: [[1, 0, 0], [0, 1, 0], [0, 0, 2]]
        """));
    assertEquals(8, s.supercell().activeSiteCount());
    assertEquals(192, s.parent().spaceGroup().size());
  }

  @Test
  void badInputMessages() throws IOException {
    assertTrue(error(SPINEL.replace("spinel", "perovskite")).contains("unknown prototype"));
    assertTrue(error(SPINEL.replace("  u: 0.264\n", "")).contains("needs parameter 'u'"));
    assertTrue(error(SPINEL.replace("1x1x1", "1x1x0")).contains("determinant 0"));
    assertTrue(error(SPINEL.replace("16d:", "16c:")).contains("no site is labelled '16c'"));
    assertTrue(error(SPINEL.replace("[O]", "[O, 7]")).contains("sites.32e"));
    assertTrue(error(SPINEL.replace("sites:", "sitez:")).contains("unknown key 'sitez'"));
    String yaml = error("parent:\n  prototype: [spinel\nsites: x\n");
    assertTrue(yaml.contains("line"), yaml);
    assertTrue(error("").contains("expected a YAML mapping"));
  }
}
