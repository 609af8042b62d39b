package org.ordex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ordex.lattice.Frame;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Structure;

/**
 * The GeSn2N4 spinel data set (../shared/data/gesn2n4-spinel-sod, see its README) as frames:
 * the normal-spinel cell with Ge on the SOD sites of each configuration and its GGA energy.
 */
final class GeSn2N4 {
  private GeSn2N4() {}

  static List<Frame> frames(Path dir) throws Exception {
    Structure normal = Poscar.read(dir.resolve("POSCAR_normal_spinel"));
    List<String> assignments = Files.readAllLines(dir.resolve("Atom_assignments_SOD.txt"));
    List<String> index = Files.readAllLines(dir.resolve("gga_structures_list.txt"));
    List<String> energies = Files.readAllLines(dir.resolve("vasp-energies.csv"));
    List<Frame> frames = new ArrayList<>();
    for (int row = 0; row < energies.size(); row++) {
      if (energies.get(row).isBlank()) {
        continue;
      }
      String[] e = energies.get(row).split(",");
      String[] a = assignments.get(Integer.parseInt(index.get(row).trim())).trim().split("\\s+");
      Set<Integer> ge = new HashSet<>();
      for (int k = 2; k < a.length; k++) {
        ge.add(Integer.parseInt(a[k]) - 1);
      }
      String[] species = normal.species();
      for (int site = 0; site < 24; site++) {
        species[site] = ge.contains(site) ? "Ge" : "Sn";
      }
      frames.add(Frame.of(normal.withSpecies(species), Double.parseDouble(e[2])));
    }
    return frames;
  }
}
