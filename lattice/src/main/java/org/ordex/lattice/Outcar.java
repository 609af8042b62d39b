package org.ordex.lattice;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The final energy of a VASP OUTCAR: the last {@code energy(sigma->0)} (eV per cell, the
 * energy extrapolated to zero smearing), with the last {@code free energy TOTEN} and the
 * last total magnetization ({@code number of electron … magnetization …}) in the info. The
 * structure is not read (take it from the POSCAR/CONTCAR or vasprun.xml).
 */
public final class Outcar {
  private Outcar() {}

  /** Reads an OUTCAR; one without a final energy is bad input. */
  public static DftResult read(Path path) {
    return parse(Text.read(path), path.toString());
  }

  /** Parses OUTCAR text; {@code name} is used in messages. */
  public static DftResult parse(String text, String name) {
    double sigma0 = Double.NaN;
    double toten = Double.NaN;
    double magnetization = Double.NaN;
    Text.Lines in = new Text.Lines(text, name);
    while (in.hasNext()) {
      String line = in.next();
      int k = line.indexOf("energy(sigma->0) =");
      if (k >= 0) {
        sigma0 = in.number(firstToken(line.substring(k + "energy(sigma->0) =".length())));
      } else if (line.contains("free  energy   TOTEN  =")) {
        toten = in.number(firstToken(line.substring(line.indexOf('=') + 1)));
      } else if (line.contains("number of electron") && line.contains("magnetization")) {
        String after = line.substring(line.indexOf("magnetization") + "magnetization".length());
        String t = firstToken(after);
        if (Text.isNumber(t)) {
          magnetization = Double.parseDouble(t);
        }
      }
    }
    if (Double.isNaN(sigma0)) {
      throw new InvalidInputException(name + ": no final energy (no 'energy(sigma->0)' line: "
          + "the run did not finish an electronic step)");
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("TOTEN", Double.toString(toten));
    return new DftResult("VASP", sigma0, null, null, magnetization, true, Double.NaN, info);
  }

  private static String firstToken(String s) {
    String t = s.strip();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }
}
