package org.ordex.lattice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the result of a DFT calculation from whichever output a code left: the GPAW
 * adapter's JSON, a VASP vasprun.xml ({@link Vasprun}: structure, energy σ→0, moments) or
 * OUTCAR, a pw.x output, an extxyz frame with {@code energy=}, or an MLIP .cfg
 * configuration with {@code Energy} (its types named by an element list).
 * In a calculation folder the known names are tried in order ({@link #NAMES}).
 */
public final class DftOutputs {
  /** Output names tried in a calculation folder, in order. */
  public static final List<String> NAMES = List.of("result.json", "vasprun.xml", "OUTCAR",
      "pw.out", "ordex-run.out");

  private DftOutputs() {}

  /** The result in {@code file}, its format told by name or content. */
  public static DftResult read(Path file) {
    return read(file, null);
  }

  /**
   * The result in {@code file}, its format told by name or content; {@code types} names the
   * atom types of an MLIP .cfg file (null: .cfg files are refused).
   */
  public static DftResult read(Path file, MlipTypes types) {
    String text = Text.read(file);
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return GpawResult.parse(text, file.toString());
    }
    if (lower.endsWith(".xml")) {
      Vasprun run = Vasprun.read(file);
      double[] moments = run.magneticMoments();
      return new DftResult("VASP", run.energy(), run.structure(), moments,
          run.magnetisation(), true, Double.NaN, java.util.Map.of("ionicSteps",
              Integer.toString(run.ionicSteps())));
    }
    if (name.startsWith("OUTCAR")) {
      return Outcar.parse(text, file.toString());
    }
    if (lower.endsWith(".cfg")) {
      if (types == null) {
        throw new InvalidInputException(file + ": the atom types of an MLIP .cfg need their "
            + "elements (--mlip-types Co,Mn,O: type 0 = Co)");
      }
      return withEnergy(MlipCfg.parse(text, file.toString()).get(0).toFrame(types), file,
          "MLIP .cfg");
    }
    if (lower.endsWith(".xyz") || lower.endsWith(".extxyz")) {
      return withEnergy(Extxyz.parse(text, file.toString()).get(0), file, "extxyz");
    }
    if (PwOutput.looksLike(text)) {
      return PwOutput.parse(text, file.toString());
    }
    if (text.contains("energy(sigma->0)") || text.contains("vasp.")) {
      return Outcar.parse(text, file.toString());
    }
    throw new InvalidInputException(file + ": not a known DFT output (GPAW adapter JSON, "
        + "vasprun.xml, OUTCAR, pw.x output or extxyz)");
  }

  private static DftResult withEnergy(Frame f, Path file, String format) {
    if (!f.hasEnergy()) {
      throw new InvalidInputException(file + ": no final energy (the " + format
          + " structure has no energy)");
    }
    return new DftResult(format, f.energy(), f.structure(), null, Double.NaN, true,
        Double.NaN, f.info());
  }

  /**
   * The result of the calculation in {@code folder}: {@code name} when given, else the first
   * of {@link #NAMES} that exists. No output at all is bad input.
   */
  public static DftResult readFolder(Path folder, String name, MlipTypes types) {
    if (name != null) {
      return read(folder.resolve(name), types);
    }
    for (String n : NAMES) {
      Path p = folder.resolve(n);
      if (Files.isRegularFile(p)) {
        return read(p, types);
      }
    }
    throw new InvalidInputException(folder + ": no DFT output (looked for " + NAMES + ")");
  }
}
