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
import org.ordex.potentials.mtp.MtpPotential;

/**
 * Structure files for the {@code mtp} subcommands as MLIP configurations: MLIP .cfg (types
 * as written), extended XYZ or POSCAR (element names mapped to types by {@code --species}).
 */
final class MtpInputs {
  private MtpInputs() {}

  /** The {@code --species} mapping, checked against the potential; null when not given. */
  static MlipTypes species(String option, MtpPotential potential, String potentialFile) {
    if (option == null) {
      return null;
    }
    return MlipTypes.parse(option).requireCount(potential.speciesCount(), potentialFile);
  }

  /** Reads every configuration of a .cfg, extxyz or POSCAR file. */
  static List<MlipCfg> read(Path file, MlipTypes types) {
    String text = Text.read(file);
    FrameFiles.Format f = FrameFiles.formatOf(file, text);
    if (f == FrameFiles.Format.CFG) {
      return MlipCfg.parse(text, file.toString());
    }
    if (types == null) {
      throw new InvalidInputException(file + ": element names need --species (e.g. "
          + "--species Co,Mn,O: type 0 = Co) to map them to the potential's types");
    }
    List<Frame> frames = f == FrameFiles.Format.EXTXYZ ? Extxyz.parse(text, file.toString())
        : List.of(Frame.of(Poscar.parse(text, file.toString())));
    List<MlipCfg> cfgs = new ArrayList<>();
    for (Frame fr : frames) {
      try {
        cfgs.add(MlipCfg.of(fr, types));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(file + ": " + e.getMessage());
      }
    }
    return cfgs;
  }

  /** Writes configurations as .cfg or extxyz (by the file name), atomically. */
  static void write(Path file, List<MlipCfg> cfgs, MlipTypes types) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".cfg")) {
      MlipCfg.write(file, cfgs);
    } else if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
      if (types == null) {
        throw new InvalidInputException("writing element names to " + file
            + " needs --species (e.g. --species Co,Mn,O)");
      }
      List<Frame> frames = new ArrayList<>();
      for (MlipCfg c : cfgs) {
        frames.add(c.toFrame(types));
      }
      Extxyz.write(file, frames);
    } else {
      throw new InvalidInputException("output " + file + ": expected a .cfg, .xyz or .extxyz "
          + "file name");
    }
  }
}
