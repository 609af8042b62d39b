package org.ordex.lattice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * VASP POSCAR/CONTCAR reading and writing (VASP 5 format with the species line). Reads
 * Direct and Cartesian coordinates, a scale factor (negative = target cell volume, or three
 * factors), and tolerates Selective dynamics flags. Writing groups sites by species in order
 * of first appearance, coordinates in Direct form with 16 significant digits.
 */
public final class Poscar {
  private Poscar() {}

  /** Reads a POSCAR file; errors name the file and line. */
  public static Structure read(Path path) {
    return parse(Text.read(path), path.toString());
  }

  /** Parses POSCAR text; {@code name} is used in error messages. */
  public static Structure parse(String text, String name) {
    Text.Lines in = new Text.Lines(text, name);
    in.next(); // comment
    String[] scaleTokens = in.tokens(in.next());
    double[] scale;
    if (scaleTokens.length >= 3 && Text.isNumber(scaleTokens[1])) {
      scale = new double[] {in.number(scaleTokens[0]), in.number(scaleTokens[1]),
          in.number(scaleTokens[2])};
    } else {
      double s = in.number(scaleTokens[0]);
      scale = new double[] {s, s, s};
    }
    if (scale[0] == 0 || scale[1] == 0 || scale[2] == 0) {
      throw in.error("the scale factor must not be zero");
    }
    double[][] cell = new double[3][];
    for (int i = 0; i < 3; i++) {
      cell[i] = in.vector(in.next(), 3);
    }
    if (scale[0] < 0) {
      if (scale[1] != scale[0] || scale[2] != scale[0]) {
        throw in.error("a negative scale (target volume) must be a single number");
      }
      double volume = Math.abs(Matrix3.det(cell));
      double f = Math.cbrt(-scale[0] / volume);
      scale = new double[] {f, f, f};
    }
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        cell[i][k] *= scale[k];
      }
    }
    Lattice lattice = Lattice.of(cell);
    String[] names = in.tokens(in.next());
    if (names.length == 0 || Text.isNumber(names[0])) {
      throw in.error("expected the species names (VASP 5 format), found '"
          + String.join(" ", names) + "'");
    }
    for (int i = 0; i < names.length; i++) {
      names[i] = cleanSpecies(names[i]);
    }
    String[] countTokens = in.tokens(in.next());
    if (countTokens.length != names.length) {
      throw in.error(names.length + " species names but " + countTokens.length + " counts");
    }
    List<String> species = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      int n = in.integer(countTokens[i]);
      if (n < 0) {
        throw in.error("negative atom count " + n);
      }
      for (int j = 0; j < n; j++) {
        species.add(names[i]);
      }
    }
    String mode = in.next().trim();
    if (!mode.isEmpty() && (mode.charAt(0) == 'S' || mode.charAt(0) == 's')) {
      mode = in.next().trim();
    }
    boolean cartesian;
    char c = mode.isEmpty() ? ' ' : Character.toUpperCase(mode.charAt(0));
    if (c == 'C' || c == 'K') {
      cartesian = true;
    } else if (c == 'D') {
      cartesian = false;
    } else {
      throw in.error("expected 'Direct' or 'Cartesian', found '" + mode + "'");
    }
    double[][] pos = new double[species.size()][];
    for (int i = 0; i < pos.length; i++) {
      double[] p = in.vector(in.next(), 3);
      if (cartesian) {
        for (int k = 0; k < 3; k++) {
          p[k] *= scale[k];
        }
        p = lattice.toFractional(p);
      }
      pos[i] = p;
    }
    return Structure.of(lattice, pos, species.toArray(new String[0]));
  }

  /** Strips POTCAR decorations such as {@code Mn_pv} or {@code Co/3a2b}. */
  private static String cleanSpecies(String token) {
    int cut = token.length();
    for (int i = 0; i < token.length(); i++) {
      char ch = token.charAt(i);
      if (ch == '_' || ch == '/') {
        cut = i;
        break;
      }
    }
    return token.substring(0, cut);
  }

  /** POSCAR text of a structure (Direct coordinates, species grouped). */
  public static String format(Structure s, String comment) {
    List<String> order = s.speciesOrder();
    StringBuilder b = new StringBuilder();
    b.append(comment.replace('\n', ' ')).append('\n');
    b.append("1.0\n");
    for (int i = 0; i < 3; i++) {
      double[] v = s.lattice().vector(i);
      b.append(String.format(Locale.ROOT, "  %22.16f %22.16f %22.16f%n", v[0], v[1], v[2]));
    }
    StringBuilder counts = new StringBuilder();
    for (String sp : order) {
      b.append("  ").append(sp);
      counts.append("  ").append(s.speciesCounts().get(sp));
    }
    b.append('\n').append(counts).append("\nDirect\n");
    for (String sp : order) {
      for (int i = 0; i < s.size(); i++) {
        if (s.species(i).equals(sp)) {
          double[] f = s.fractional(i);
          b.append(String.format(Locale.ROOT, "  %20.16f %20.16f %20.16f  %s%n", f[0], f[1], f[2],
              sp));
        }
      }
    }
    return b.toString();
  }

  /** Writes a POSCAR atomically (temporary file, then move). */
  public static void write(Path path, Structure s, String comment) {
    AtomicFiles.writeString(path, format(s, comment));
  }

}
