package org.ordex.lattice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extended XYZ reading and writing, many frames per file. The comment line carries
 * {@code Lattice="ax ay az bx by bz cx cy cz"}, {@code Properties=species:S:1:pos:R:3[:forces:R:3…]},
 * optionally {@code energy=…}, {@code pbc="T T T"}, {@code virial="…"} (9 numbers, eV) and any
 * other key=value pairs, which are kept in {@link Frame#info()}. Columns other than species,
 * pos and forces are skipped.
 */
public final class Extxyz {
  private Extxyz() {}

  /** Reads every frame of a file. */
  public static List<Frame> read(Path path) {
    return parse(Text.read(path), path.toString());
  }

  /** Parses every frame of extxyz text; {@code name} is used in error messages. */
  public static List<Frame> parse(String text, String name) {
    Text.Lines in = new Text.Lines(text, name);
    List<Frame> frames = new ArrayList<>();
    while (in.hasNext()) {
      String first = in.next();
      if (first.isBlank()) {
        continue;
      }
      int n = in.integer(first.trim());
      if (n < 0) {
        throw in.error("negative atom count");
      }
      frames.add(parseFrame(in, n));
    }
    if (frames.isEmpty()) {
      throw new InvalidInputException(name + ": no frames (empty extxyz file)");
    }
    return frames;
  }

  private static Frame parseFrame(Text.Lines in, int n) {
    Map<String, String> header;
    try {
      header = parseKeyValues(in.next());
    } catch (IllegalArgumentException e) {
      throw in.error(e.getMessage());
    }
    String latticeText = header.remove("Lattice");
    if (latticeText == null) {
      throw in.error("missing Lattice=\"…\" in the comment line");
    }
    double[] l = in.vector(latticeText, 9);
    Lattice lattice = Lattice.of(new double[][] {{l[0], l[1], l[2]}, {l[3], l[4], l[5]},
        {l[6], l[7], l[8]}});
    boolean[] pbc = {true, true, true};
    String pbcText = header.remove("pbc");
    if (pbcText != null) {
      String[] t = in.tokens(pbcText);
      if (t.length != 3) {
        throw in.error("pbc needs three flags, found '" + pbcText + "'");
      }
      for (int k = 0; k < 3; k++) {
        pbc[k] = t[k].equalsIgnoreCase("T") || t[k].equalsIgnoreCase("true");
      }
    }
    String props = header.remove("Properties");
    if (props == null) {
      props = "species:S:1:pos:R:3";
    }
    String[] p = props.split(":");
    if (p.length % 3 != 0) {
      throw in.error("malformed Properties='" + props + "'");
    }
    int speciesCol = -1;
    int posCol = -1;
    int forcesCol = -1;
    int width = 0;
    for (int i = 0; i < p.length; i += 3) {
      int cols = in.integer(p[i + 2]);
      switch (p[i].toLowerCase(Locale.ROOT)) {
        case "species" -> speciesCol = width;
        case "pos" -> posCol = width;
        case "forces", "force" -> forcesCol = width;
        default -> { }
      }
      width += cols;
    }
    if (speciesCol < 0 || posCol < 0) {
      throw in.error("Properties must contain species:S:1 and pos:R:3");
    }
    double energy = Double.NaN;
    String e = header.remove("energy");
    if (e != null) {
      energy = in.number(e);
    }
    double[] virial = null;
    String v = header.remove("virial");
    if (v != null) {
      double[] m = in.vector(v, 9);
      virial = new double[] {m[0], m[4], m[8], m[5], m[2], m[1]};
    }
    String[] species = new String[n];
    double[][] cart = new double[n][];
    double[][] forces = forcesCol >= 0 ? new double[n][] : null;
    for (int i = 0; i < n; i++) {
      String[] t = in.tokens(in.next());
      if (t.length < width) {
        throw in.error("expected " + width + " columns, found " + t.length);
      }
      species[i] = t[speciesCol];
      cart[i] = new double[] {in.number(t[posCol]), in.number(t[posCol + 1]),
          in.number(t[posCol + 2])};
      if (forces != null) {
        forces[i] = new double[] {in.number(t[forcesCol]), in.number(t[forcesCol + 1]),
            in.number(t[forcesCol + 2])};
      }
    }
    Structure s = Structure.fromCartesian(lattice, cart, species, pbc);
    return new Frame(s, energy, forces, virial, header);
  }

  /** Splits {@code key=value key="quoted value" flag} into an ordered map. */
  static Map<String, String> parseKeyValues(String line) {
    Map<String, String> map = new LinkedHashMap<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int keyStart = i;
      while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      String key = line.substring(keyStart, i);
      if (i >= n || line.charAt(i) != '=') {
        map.put(key, "T");
        continue;
      }
      i++;
      String value;
      if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'')) {
        char q = line.charAt(i++);
        int end = line.indexOf(q, i);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated quote after " + key + "=");
        }
        value = line.substring(i, end);
        i = end + 1;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        value = line.substring(start, i);
      }
      map.put(key, value);
    }
    return map;
  }

  /** The extxyz text of one frame. */
  public static String format(Frame f) {
    Structure s = f.structure();
    StringBuilder b = new StringBuilder();
    b.append(s.size()).append('\n');
    b.append("Lattice=\"");
    for (int i = 0; i < 3; i++) {
      double[] v = s.lattice().vector(i);
      b.append(num(v[0])).append(' ').append(num(v[1])).append(' ').append(num(v[2]));
      b.append(i < 2 ? " " : "\"");
    }
    b.append(" Properties=species:S:1:pos:R:3").append(f.forces() != null ? ":forces:R:3" : "");
    if (f.hasEnergy()) {
      b.append(" energy=").append(num(f.energy()));
    }
    if (f.virial() != null) {
      double[] w = f.virial();
      b.append(" virial=\"").append(num(w[0])).append(' ').append(num(w[5])).append(' ')
          .append(num(w[4])).append(' ').append(num(w[5])).append(' ').append(num(w[1]))
          .append(' ').append(num(w[3])).append(' ').append(num(w[4])).append(' ')
          .append(num(w[3])).append(' ').append(num(w[2])).append('"');
    }
    boolean[] pbc = s.periodic();
    b.append(" pbc=\"").append(pbc[0] ? 'T' : 'F').append(' ').append(pbc[1] ? 'T' : 'F')
        .append(' ').append(pbc[2] ? 'T' : 'F').append('"');
    f.info().forEach((k, v) -> b.append(' ').append(k).append('=')
        .append(v.matches("\\S+") ? v : '"' + v + '"'));
    b.append('\n');
    for (int i = 0; i < s.size(); i++) {
      double[] r = s.cartesian(i);
      b.append(String.format(Locale.ROOT, "%-3s %22.16f %22.16f %22.16f", s.species(i), r[0], r[1],
          r[2]));
      if (f.forces() != null) {
        double[] fi = f.forces()[i];
        b.append(String.format(Locale.ROOT, " %22.16f %22.16f %22.16f", fi[0], fi[1], fi[2]));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Writes frames to a file atomically. */
  public static void write(Path path, List<Frame> frames) {
    StringBuilder b = new StringBuilder();
    for (Frame f : frames) {
      b.append(format(f));
    }
    AtomicFiles.writeString(path, b.toString());
  }

  private static String num(double x) {
    return Double.toString(x);
  }
}
