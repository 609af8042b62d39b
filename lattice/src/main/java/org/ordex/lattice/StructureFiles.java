package org.ordex.lattice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Structures with their total energies (eV per cell, NaN when the file gives none) from the
 * files users bring, told apart by name: extended XYZ ({@code .xyz}, {@code .extxyz}, every
 * frame, {@code energy=}), VASP {@code vasprun.xml} (the last ionic step, {@link Vasprun}),
 * MLIP-2 {@code .cfg} (every configuration; its atom types need an element list), POSCAR /
 * CONTCAR / {@code .vasp} (a structure without energy), and an energy table ({@code .csv},
 * {@code .txt}, {@code .dat}): one structure per line as {@code FILE ENERGY} (comma or white
 * space separated; FILE relative to the table — any of the above formats giving one
 * structure; {@code #} comments; a header line is skipped), the energy replacing any in FILE.
 */
public final class StructureFiles {
  private StructureFiles() {}

  /**
   * A structure with its energy and a name for messages and reports: the file, with
   * {@code #N} for the N-th frame of a multi-frame file.
   */
  public record Entry(String name, Structure structure, double energy) {
    public boolean hasEnergy() {
      return !Double.isNaN(energy);
    }
  }

  /** Reads a file; {@code types} names MLIP atom types (needed only for .cfg files). */
  public static List<Entry> read(Path file, MlipTypes types) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
      List<Frame> frames = Extxyz.read(file);
      List<Entry> out = new ArrayList<>();
      for (int i = 0; i < frames.size(); i++) {
        Frame f = frames.get(i);
        out.add(new Entry(frameName(file, i, frames.size()), f.structure(), f.energy()));
      }
      return out;
    }
    if (name.endsWith(".xml")) {
      Vasprun run = Vasprun.read(file);
      return List.of(new Entry(file.toString(), run.structure(), run.energy()));
    }
    if (name.endsWith(".cfg")) {
      if (types == null) {
        throw new InvalidInputException(file + ": the atom types of an MLIP .cfg file need "
            + "their elements (e.g. --species Co,Mn,O: type 0 = Co)");
      }
      List<MlipCfg> cfgs = MlipCfg.read(file);
      List<Entry> out = new ArrayList<>();
      for (int i = 0; i < cfgs.size(); i++) {
        Frame f;
        try {
          f = cfgs.get(i).toFrame(types);
        } catch (InvalidInputException e) {
          throw new InvalidInputException(frameName(file, i, cfgs.size()) + ": "
              + e.getMessage());
        }
        out.add(new Entry(frameName(file, i, cfgs.size()), f.structure(), f.energy()));
      }
      return out;
    }
    if (isTable(name)) {
      return table(file, types);
    }
    if (name.contains("poscar") || name.contains("contcar") || name.endsWith(".vasp")) {
      return List.of(new Entry(file.toString(), Poscar.read(file), Double.NaN));
    }
    throw new InvalidInputException(file + ": unknown kind of structure file; expected "
        + "extended XYZ (.xyz), vasprun.xml, MLIP .cfg, POSCAR/CONTCAR (.vasp) or an energy "
        + "table (.csv, .txt, .dat: a structure file and its energy per line)");
  }

  private static boolean isTable(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".dat");
  }

  private static String frameName(Path file, int i, int count) {
    return count == 1 ? file.toString() : file + "#" + (i + 1);
  }

  private static List<Entry> table(Path file, MlipTypes types) {
    Text.Lines in = new Text.Lines(Text.read(file), file.toString());
    Path dir = file.toAbsolutePath().getParent();
    List<Entry> out = new ArrayList<>();
    boolean first = true;
    while (in.hasNext()) {
      String[] t = Text.tableFields(in.next());
      if (t.length == 0) {
        continue;
      }
      boolean header = first && (t.length < 2 || !Text.isNumber(t[1]));
      first = false;
      if (header) {
        continue;
      }
      if (t.length < 2) {
        throw in.error("expected a structure file and its energy (eV), found '" + t[0] + "'");
      }
      double energy = in.number(t[1]);
      if (isTable(t[0])) {
        throw in.error(t[0] + ": a table line names a structure file, not another table");
      }
      Path structureFile = dir.resolve(t[0]);
      List<Entry> entries;
      try {
        entries = read(structureFile, types);
      } catch (InvalidInputException e) {
        throw in.error(e.getMessage());
      }
      if (entries.size() != 1) {
        throw in.error(t[0] + " holds " + entries.size() + " structures; a table line needs "
            + "a file with one");
      }
      out.add(new Entry(t[0], entries.get(0).structure(), energy));
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(file + ": no structures listed");
    }
    return out;
  }
}
