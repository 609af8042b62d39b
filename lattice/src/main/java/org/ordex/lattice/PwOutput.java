package org.ordex.lattice;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The final energy of a Quantum ESPRESSO pw.x output: the last {@code !    total energy =
 * … Ry} converted to eV (1 Ry = 13.605693122994 eV, CODATA 2018), the last total
 * magnetization (Bohr mag/cell) and whether the SCF converged. An output without a final
 * energy, or whose last SCF did not converge, is bad input. The structure is not read.
 */
public final class PwOutput {
  /** eV per Rydberg (CODATA 2018). */
  public static final double RYDBERG_EV = 13.605693122994;

  private PwOutput() {}

  /** Reads a pw.x output. */
  public static DftResult read(Path path) {
    return parse(Text.read(path), path.toString());
  }

  /** True when the text looks like pw.x output. */
  public static boolean looksLike(String text) {
    return text.contains("Program PWSCF");
  }

  /** Parses pw.x output text; {@code name} is used in messages. */
  public static DftResult parse(String text, String name) {
    double energyRy = Double.NaN;
    double magnetization = Double.NaN;
    int atoms = -1;
    boolean notConverged = false;
    Text.Lines in = new Text.Lines(text, name);
    while (in.hasNext()) {
      String line = in.next();
      String t = line.strip();
      if (t.startsWith("!") && t.contains("total energy") && t.endsWith("Ry")) {
        String v = t.substring(t.indexOf('=') + 1, t.length() - 2).strip();
        energyRy = in.number(v);
        notConverged = false;
      } else if (t.startsWith("total magnetization") && t.contains("=")) {
        String v = t.substring(t.indexOf('=') + 1).strip().split("\\s+")[0];
        if (Text.isNumber(v)) {
          magnetization = Double.parseDouble(v);
        }
      } else if (t.startsWith("number of atoms/cell")) {
        atoms = in.integer(t.substring(t.indexOf('=') + 1).strip());
      } else if (t.contains("convergence NOT achieved")) {
        notConverged = true;
      }
    }
    if (notConverged) {
      throw new InvalidInputException(name + ": no final energy (convergence NOT achieved)");
    }
    if (Double.isNaN(energyRy)) {
      throw new InvalidInputException(name + ": no final energy (no '!    total energy' line)");
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("energy_Ry", Double.toString(energyRy));
    if (atoms > 0) {
      info.put("atoms", Integer.toString(atoms));
    }
    return new DftResult("Quantum ESPRESSO pw.x", energyRy * RYDBERG_EV, null, null,
        magnetization, true, Double.NaN, info);
  }
}
