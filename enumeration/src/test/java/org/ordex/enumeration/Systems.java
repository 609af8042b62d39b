package org.ordex.enumeration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemFile;

/** Small systems for tests, from system-file text. */
final class Systems {
  private Systems() {}

  static Supercell fromYaml(String yaml) {
    try {
      Path p = Files.createTempFile("system", ".yaml");
      try {
        Files.writeString(p, yaml);
        return SystemFile.read(p).supercell();
      } finally {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Supercell spinel(String cell, String supercell) {
    return fromYaml("name: spinel\nparent: {prototype: spinel, cell: " + cell
        + ", a: 8.0835, u: 0.264}\nsites: {8a: [Co, Mn], 16d: [Co, Mn], 32e: [O]}\n"
        + "supercell: " + supercell + "\n");
  }

  static Supercell square(int l, String species) {
    return fromYaml("name: square\nparent: {prototype: square, a: 1.0}\nsites: {1a: [" + species
        + "]}\nsupercell: " + l + "x" + l + "x1\n");
  }

  static Supercell fcc(String species, String supercell) {
    return fromYaml("name: fcc\nparent: {prototype: fcc, cell: conventional, a: 4.0}\n"
        + "sites: {4a: [" + species + "]}\nsupercell: " + supercell + "\n");
  }
}
