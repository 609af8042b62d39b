package org.ordex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.Text;

/**
 * Frames (structure, energy, key/value info such as ids) from MLIP .cfg, extended XYZ or
 * POSCAR files, told by name or content; unlike {@link org.ordex.lattice.StructureFiles} the
 * frames keep their info, which the spot-check commands carry along.
 */
final class FrameFiles {
  private FrameFiles() {}

  /** The structure file formats ordex reads. */
  enum Format { CFG, EXTXYZ, POSCAR }

  /** The format of {@code file} from its name, else from its first line. */
  static Format formatOf(Path file, String text) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".cfg")) {
      return Format.CFG;
    }
    if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
      return Format.EXTXYZ;
    }
    if (name.contains("poscar") || name.contains("contcar") || name.endsWith(".vasp")) {
      return Format.POSCAR;
    }
    String first = text.stripLeading();
    if (first.startsWith("BEGIN_CFG")) {
      return Format.CFG;
    }
    String line = first.lines().findFirst().orElse("").trim();
    return line.matches("\\d+") ? Format.EXTXYZ : Format.POSCAR;
  }

  /**
   * Every structure of a file as frames; MLIP .cfg types become elements through
   * {@code types} (required for .cfg).
   */
  static List<Frame> frames(Path file, MlipTypes types) {
    String text = Text.read(file);
    return switch (formatOf(file, text)) {
      case EXTXYZ -> Extxyz.parse(text, file.toString());
      case POSCAR -> List.of(Frame.of(Poscar.parse(text, file.toString())));
      case CFG -> {
        if (types == null) {
          throw new InvalidInputException(file + ": MLIP types need element names: give "
              + "--mlip-types (e.g. Co,Mn,O: type 0 = Co)");
        }
        List<Frame> frames = new ArrayList<>();
        for (MlipCfg c : MlipCfg.parse(text, file.toString())) {
          frames.add(c.toFrame(types));
        }
        yield frames;
      }
    };
  }
}
