package org.ordex.lattice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration of an MLIP .cfg file (MLIP-2's text format, many per file between
 * {@code BEGIN_CFG} and {@code END_CFG}): {@code Size}, {@code Supercell} (zero to three rows
 * in Å; a missing or all-zero row means that direction is not periodic), {@code AtomData}
 * ({@code id type cartes_x cartes_y cartes_z} or {@code direct_x …}, optionally
 * {@code site_en} and {@code fx fy fz}), {@code Energy} (eV), {@code PlusStress} (virial
 * −∂E/∂ε in eV, Voigt order xx yy zz yz xz xy) and {@code Feature key value} lines, which are
 * kept in order. Positions are Cartesian and kept exactly as read (never wrapped). Atom types
 * are MLIP's 0-based indices into a potential's species; {@link #toFrame(MlipTypes)} and
 * {@link #of(Frame, MlipTypes)} convert to and from named species through an explicit,
 * checked {@link MlipTypes} mapping. Immutable.
 */
public final class MlipCfg {
  private final double[][] supercell;
  private final int[] types;
  private final double[][] cartesian;
  private final double energy;
  private final double[][] forces;
  private final double[] plusStress;
  private final double[] siteEnergies;
  private final Map<String, String> features;

  private MlipCfg(double[][] supercell, int[] types, double[][] cartesian, double energy,
      double[][] forces, double[] plusStress, double[] siteEnergies,
      Map<String, String> features) {
    int n = types.length;
    if (cartesian.length != n || (forces != null && forces.length != n)
        || (siteEnergies != null && siteEnergies.length != n)) {
      throw new IllegalArgumentException("per-atom arrays of different lengths");
    }
    if (supercell.length > 3 || (plusStress != null && plusStress.length != 6)) {
      throw new IllegalArgumentException("at most 3 supercell rows and 6 stress components");
    }
    this.supercell = deepCopy(supercell);
    this.types = types.clone();
    this.cartesian = deepCopy(cartesian);
    this.energy = energy;
    this.forces = forces == null ? null : deepCopy(forces);
    this.plusStress = plusStress == null ? null : plusStress.clone();
    this.siteEnergies = siteEnergies == null ? null : siteEnergies.clone();
    this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  /** A configuration without computed properties; {@code supercell} has 0 to 3 rows. */
  public static MlipCfg of(double[][] supercell, int[] types, double[][] cartesian) {
    return new MlipCfg(supercell, types, cartesian, Double.NaN, null, null, null, Map.of());
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (a[i].length != 3) {
        throw new IllegalArgumentException("row " + i + " is not 3-dimensional");
      }
      c[i] = a[i].clone();
    }
    return c;
  }

  /** Number of atoms. */
  public int size() {
    return types.length;
  }

  /** The supercell rows as given (0 to 3 rows; copy). */
  public double[][] supercell() {
    return deepCopy(supercell);
  }

  /**
   * The three cell rows with a zero row for every non-periodic direction (the form MLIP
   * computes with; copy).
   */
  public double[][] cellRows() {
    double[][] rows = new double[3][3];
    for (int i = 0; i < supercell.length; i++) {
      rows[i] = supercell[i].clone();
    }
    return rows;
  }

  /** Whether direction k (0, 1, 2) is periodic: its row is present and non-zero. */
  public boolean periodic(int k) {
    return k < supercell.length
        && (supercell[k][0] != 0 || supercell[k][1] != 0 || supercell[k][2] != 0);
  }

  public int type(int i) {
    return types[i];
  }

  /** Atom types (copy). */
  public int[] types() {
    return types.clone();
  }

  /** Cartesian position of atom i (Å; copy). */
  public double[] cartesian(int i) {
    return cartesian[i].clone();
  }

  /** All Cartesian positions (copy). */
  public double[][] cartesian() {
    return deepCopy(cartesian);
  }

  /** Total energy (eV), NaN when absent. */
  public double energy() {
    return energy;
  }

  public boolean hasEnergy() {
    return !Double.isNaN(energy);
  }

  /** Forces (eV/Å per atom; copy) or null. */
  public double[][] forces() {
    return forces == null ? null : deepCopy(forces);
  }

  /** PlusStress (virial, eV) in Voigt order xx yy zz yz xz xy (copy), or null. */
  public double[] plusStress() {
    return plusStress == null ? null : plusStress.clone();
  }

  /** Per-atom energies ({@code site_en} column, eV; copy) or null. */
  public double[] siteEnergies() {
    return siteEnergies == null ? null : siteEnergies.clone();
  }

  /** Feature lines in file order (a value spanning several lines holds newlines). */
  public Map<String, String> features() {
    return features;
  }

  /** This configuration with computed energy, forces and PlusStress (site energies or null). */
  public MlipCfg withResults(double energy, double[][] forces, double[] plusStress,
      double[] siteEnergies) {
    return new MlipCfg(supercell, types, cartesian, energy, forces, plusStress, siteEnergies,
        features);
  }

  /** This configuration with one feature set (replacing an earlier value of that key). */
  public MlipCfg withFeature(String key, String value) {
    Map<String, String> f = new LinkedHashMap<>(features);
    f.put(key, value);
    return new MlipCfg(supercell, types, cartesian, energy, forces, plusStress, siteEnergies, f);
  }

  /** The same atoms with other types. */
  public MlipCfg withTypes(int[] newTypes) {
    return new MlipCfg(supercell, newTypes, cartesian, energy, forces, plusStress, siteEnergies,
        features);
  }

  // ---------------------------------------------------------------- conversion to frames

  /**
   * The frame of this configuration with element names from {@code map}. Non-periodic
   * directions get a made-up lattice vector (orthogonal to the periodic ones, longer than the
   * atoms' extent) and are flagged non-periodic; features become the frame's info.
   */
  public Frame toFrame(MlipTypes map) {
    String[] species = new String[size()];
    for (int i = 0; i < species.length; i++) {
      species[i] = map.element(types[i]);
    }
    boolean[] pbc = {periodic(0), periodic(1), periodic(2)};
    Lattice lattice = Lattice.of(completeCell(pbc));
    Structure s = Structure.fromCartesian(lattice, cartesian, species, pbc);
    return new Frame(s, energy, forces(), plusStress(), features);
  }

  /** The supercell rows, with orthogonal vectors standing in for non-periodic directions. */
  private double[][] completeCell(boolean[] pbc) {
    double extent = 0;
    for (double[] r : cartesian) {
      for (double[] q : cartesian) {
        extent = Math.max(extent, Math.sqrt(Matrix3.dot(sub(r, q), sub(r, q))));
      }
    }
    double length = Math.max(10, 2 * extent + 10);
    double[][] rows = new double[3][];
    List<double[]> basis = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      if (pbc[k]) {
        rows[k] = supercell[k].clone();
        basis.add(rows[k]);
      }
    }
    for (int k = 0; k < 3; k++) {
      if (!pbc[k]) {
        double[] v = orthogonalUnit(basis);
        rows[k] = new double[] {v[0] * length, v[1] * length, v[2] * length};
        basis.add(rows[k]);
      }
    }
    if (Matrix3.det(rows) < 0) {
      for (int k = 2; k >= 0; k--) {
        if (!pbc[k]) {
          rows[k] = new double[] {-rows[k][0], -rows[k][1], -rows[k][2]};
          break;
        }
      }
    }
    return rows;
  }

  private static double[] sub(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  /** The Cartesian axis with the largest part orthogonal to {@code basis}, made orthonormal. */
  private static double[] orthogonalUnit(List<double[]> basis) {
    double[] best = null;
    double bestNorm = -1;
    for (int axis = 0; axis < 3; axis++) {
      double[] v = new double[3];
      v[axis] = 1;
      for (int pass = 0; pass < 2; pass++) {
        for (double[] b : orthonormalize(basis)) {
          double d = Matrix3.dot(v, b);
          for (int c = 0; c < 3; c++) {
            v[c] -= d * b[c];
          }
        }
      }
      double norm = Math.sqrt(Matrix3.dot(v, v));
      if (norm > bestNorm) {
        bestNorm = norm;
        best = new double[] {v[0] / norm, v[1] / norm, v[2] / norm};
      }
    }
    return best;
  }

  private static List<double[]> orthonormalize(List<double[]> vectors) {
    List<double[]> out = new ArrayList<>();
    for (double[] v0 : vectors) {
      double[] v = v0.clone();
      for (double[] b : out) {
        double d = Matrix3.dot(v, b);
        for (int c = 0; c < 3; c++) {
          v[c] -= d * b[c];
        }
      }
      double norm = Math.sqrt(Matrix3.dot(v, v));
      out.add(new double[] {v[0] / norm, v[1] / norm, v[2] / norm});
    }
    return out;
  }

  /**
   * The configuration of a frame, with types from {@code map}; non-periodic directions become
   * zero supercell rows (trailing ones are dropped), the virial becomes PlusStress and the
   * frame's info becomes features.
   */
  public static MlipCfg of(Frame frame, MlipTypes map) {
    Structure s = frame.structure();
    boolean[] pbc = s.periodic();
    int count = pbc[2] ? 3 : pbc[1] ? 2 : pbc[0] ? 1 : 0;
    double[][] rows = new double[count][];
    for (int k = 0; k < count; k++) {
      rows[k] = pbc[k] ? s.lattice().vector(k) : new double[3];
    }
    double[][] cart = new double[s.size()][];
    for (int i = 0; i < cart.length; i++) {
      cart[i] = s.cartesian(i);
    }
    return new MlipCfg(rows, map.types(s.species()), cart, frame.energy(), frame.forces(),
        frame.virial(), null, frame.info());
  }

  // ---------------------------------------------------------------- reading

  /** Reads every configuration of a .cfg file; errors name the file and line. */
  public static List<MlipCfg> read(Path path) {
    return parse(Text.read(path), path.toString());
  }

  /** Parses every configuration of .cfg text; {@code name} is used in error messages. */
  public static List<MlipCfg> parse(String text, String name) {
    Text.Lines in = new Text.Lines(text, name);
    List<MlipCfg> list = new ArrayList<>();
    while (in.hasNext()) {
      String line = in.next().trim();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.equals("BEGIN_CFG")) {
        throw in.error("expected BEGIN_CFG, found '" + line + "'");
      }
      list.add(new Parser(in).parse());
    }
    if (list.isEmpty()) {
      throw new InvalidInputException(name + ": no configurations (expected BEGIN_CFG … END_CFG)");
    }
    return list;
  }

  /** Parses one configuration after its BEGIN_CFG line. */
  private static final class Parser {
    private final Text.Lines in;
    private int size = -1;
    private double[][] supercell = new double[0][];
    private int[] types;
    private double[][] pos;
    private boolean direct;
    private double energy = Double.NaN;
    private double[][] forces;
    private double[] stress;
    private double[] siteEnergies;
    private final Map<String, String> features = new LinkedHashMap<>();

    Parser(Text.Lines in) {
      this.in = in;
    }

    MlipCfg parse() {
      while (true) {
        if (!in.hasNext()) {
          throw in.error("missing END_CFG at the end of the file");
        }
        String raw = in.next();
        String[] t = in.tokens(raw);
        if (t.length == 0) {
          continue;
        }
        switch (t[0]) {
          case "END_CFG" -> {
            return finish();
          }
          case "Size" -> readSize(t);
          case "Supercell", "SuperCell" -> readSupercell(t);
          case "AtomData:" -> readAtoms(t);
          case "Energy" -> energy = in.number(valueToken(t));
          case "PlusStress:" -> readStress(t);
          case "Feature" -> readFeature(raw);
          default -> throw in.error("unknown field '" + t[0] + "' (expected Size, Supercell, "
              + "AtomData:, Energy, PlusStress:, Feature or END_CFG)");
        }
      }
    }

    /** The value after a keyword: on the same line or alone on the next. */
    private String valueToken(String[] t) {
      if (t.length > 1) {
        return t[1];
      }
      String[] next = in.tokens(in.next());
      if (next.length != 1) {
        throw in.error("expected one value after " + t[0]);
      }
      return next[0];
    }

    private void readSize(String[] t) {
      int n = in.integer(valueToken(t));
      if (n < 0 || (size >= 0 && n != size)) {
        throw in.error("invalid Size " + n);
      }
      size = n;
    }

    private void readSupercell(String[] t) {
      if (t.length > 1) {
        throw in.error("expected the supercell rows on the lines after 'Supercell'");
      }
      List<double[]> rows = new ArrayList<>();
      while (rows.size() < 3 && in.peek() != null && isRow(in.tokens(in.peek()))) {
        rows.add(in.vector(in.next(), 3));
      }
      supercell = rows.toArray(new double[0][]);
    }

    private static boolean isRow(String[] t) {
      return t.length == 3 && Text.isNumber(t[0]) && Text.isNumber(t[1]) && Text.isNumber(t[2]);
    }

    private void readAtoms(String[] header) {
      if (size < 0) {
        throw in.error("AtomData before Size");
      }
      String[] cols = Arrays.copyOfRange(header, 1, header.length);
      int id = -1;
      int type = -1;
      int[] xyz = {-1, -1, -1};
      int[] f = {-1, -1, -1};
      int se = -1;
      int cartesianCount = 0;
      int directCount = 0;
      for (int c = 0; c < cols.length; c++) {
        switch (cols[c]) {
          case "id" -> id = c;
          case "type" -> type = c;
          case "cartes_x", "cartes_y", "cartes_z" -> {
            xyz[cols[c].charAt(7) - 'x'] = c;
            cartesianCount++;
          }
          case "direct_x", "direct_y", "direct_z" -> {
            xyz[cols[c].charAt(7) - 'x'] = c;
            directCount++;
          }
          case "fx", "fy", "fz" -> f[cols[c].charAt(1) - 'x'] = c;
          case "site_en" -> se = c;
          default -> throw in.error("unknown AtomData column '" + cols[c] + "'");
        }
      }
      if (!((cartesianCount == 3 && directCount == 0) || (cartesianCount == 0
          && directCount == 3))) {
        throw in.error("AtomData needs cartes_x cartes_y cartes_z or direct_x direct_y direct_z");
      }
      boolean hasForces = f[0] >= 0 || f[1] >= 0 || f[2] >= 0;
      if (hasForces && (f[0] < 0 || f[1] < 0 || f[2] < 0)) {
        throw in.error("AtomData needs all of fx fy fz or none");
      }
      direct = directCount == 3;
      types = new int[size];
      pos = new double[size][];
      forces = hasForces ? new double[size][] : null;
      siteEnergies = se >= 0 ? new double[size] : null;
      for (int i = 0; i < size; i++) {
        String[] t = in.tokens(in.next());
        if (t.length != cols.length) {
          throw in.error("expected " + cols.length + " AtomData columns, found " + t.length);
        }
        if (id >= 0 && in.integer(t[id]) != i + 1) {
          throw in.error("atom ids must run 1, 2, 3, …: expected " + (i + 1) + ", found "
              + t[id]);
        }
        if (type >= 0) {
          types[i] = in.integer(t[type]);
          if (types[i] < 0) {
            throw in.error("negative atom type " + types[i]);
          }
        }
        pos[i] = new double[] {in.number(t[xyz[0]]), in.number(t[xyz[1]]),
            in.number(t[xyz[2]])};
        if (forces != null) {
          forces[i] = new double[] {in.number(t[f[0]]), in.number(t[f[1]]),
              in.number(t[f[2]])};
        }
        if (siteEnergies != null) {
          siteEnergies[i] = in.number(t[se]);
        }
      }
    }

    private void readStress(String[] header) {
      String[] order = {"xx", "yy", "zz", "yz", "xz", "xy"};
      int[] slot = new int[header.length - 1];
      for (int c = 1; c < header.length; c++) {
        slot[c - 1] = Arrays.asList(order).indexOf(header[c]);
        if (slot[c - 1] < 0) {
          throw in.error("unknown PlusStress component '" + header[c] + "'");
        }
      }
      if (slot.length != 6 || Arrays.stream(slot).distinct().count() != 6) {
        throw in.error("PlusStress needs the six components xx yy zz yz xz xy");
      }
      double[] v = in.vector(in.next(), 6);
      stress = new double[6];
      for (int c = 0; c < 6; c++) {
        stress[slot[c]] = v[c];
      }
    }

    private void readFeature(String raw) {
      String rest = raw.substring(raw.indexOf("Feature") + "Feature".length()).stripLeading();
      int end = 0;
      while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
        end++;
      }
      if (end == 0) {
        throw in.error("Feature without a name");
      }
      String key = rest.substring(0, end);
      String value = end < rest.length() ? rest.substring(end + 1) : "";
      features.merge(key, value, (a, b) -> a + "\n" + b);
    }

    private MlipCfg finish() {
      if (size < 0 || pos == null) {
        if (size == 0) {
          return new MlipCfg(supercell, new int[0], new double[0][], energy, null, stress,
              null, features);
        }
        throw in.error("configuration without " + (size < 0 ? "Size" : "AtomData"));
      }
      if (direct) {
        double[][] rows = new double[3][3];
        for (int k = 0; k < supercell.length; k++) {
          rows[k] = supercell[k];
        }
        if (Math.abs(Matrix3.det(rows)) == 0) {
          throw in.error("direct (fractional) coordinates need three non-zero supercell rows");
        }
        for (int i = 0; i < size; i++) {
          double[] d = pos[i];
          double[] r = new double[3];
          for (int a = 0; a < 3; a++) {
            r[a] = d[0] * rows[0][a] + d[1] * rows[1][a] + d[2] * rows[2][a];
          }
          pos[i] = r;
        }
      }
      return new MlipCfg(supercell, types, pos, energy, forces, stress, siteEnergies,
          features);
    }
  }

  // ---------------------------------------------------------------- writing

  /** The .cfg text of this configuration (numbers lossless, {@code %.16e}). */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append("BEGIN_CFG\n Size\n    ").append(size()).append('\n');
    int rows = 0;
    for (int k = 0; k < supercell.length; k++) {
      if (periodic(k)) {
        rows = k + 1;
      }
    }
    if (rows > 0) {
      b.append(" Supercell\n");
      for (int k = 0; k < rows; k++) {
        b.append("    ").append(num(supercell[k][0])).append(' ').append(num(supercell[k][1]))
            .append(' ').append(num(supercell[k][2])).append('\n');
      }
    }
    b.append(" AtomData:  id type       cartes_x      cartes_y      cartes_z");
    if (siteEnergies != null) {
      b.append("    site_en");
    }
    if (forces != null) {
      b.append("           fx          fy          fz");
    }
    b.append('\n');
    for (int i = 0; i < size(); i++) {
      double[] r = cartesian[i];
      b.append("    ").append(i + 1).append(' ').append(types[i]).append("  ").append(num(r[0]))
          .append(' ').append(num(r[1])).append(' ').append(num(r[2]));
      if (siteEnergies != null) {
        b.append("  ").append(num(siteEnergies[i]));
      }
      if (forces != null) {
        double[] f = forces[i];
        b.append("  ").append(num(f[0])).append(' ').append(num(f[1])).append(' ')
            .append(num(f[2]));
      }
      b.append('\n');
    }
    if (hasEnergy()) {
      b.append(" Energy\n    ").append(num(energy)).append('\n');
    }
    if (plusStress != null) {
      b.append(" PlusStress:  xx          yy          zz          yz          xz          xy\n");
      b.append("    ");
      for (double v : plusStress) {
        b.append(' ').append(num(v));
      }
      b.append('\n');
    }
    features.forEach((k, v) -> {
      for (String line : v.split("\n", -1)) {
        b.append(" Feature   ").append(k).append('\t').append(line).append('\n');
      }
    });
    b.append("END_CFG\n\n");
    return b.toString();
  }

  /** The .cfg text of several configurations. */
  public static String format(List<MlipCfg> cfgs) {
    StringBuilder b = new StringBuilder();
    for (MlipCfg c : cfgs) {
      b.append(c.format());
    }
    return b.toString();
  }

  /** Writes configurations to a .cfg file atomically. */
  public static void write(Path path, List<MlipCfg> cfgs) {
    AtomicFiles.writeString(path, format(cfgs));
  }

  private static String num(double x) {
    return Text.scientific(x, 16);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MlipCfg c && Arrays.deepEquals(c.supercell, supercell)
        && Arrays.equals(c.types, types) && Arrays.deepEquals(c.cartesian, cartesian)
        && Double.compare(c.energy, energy) == 0 && Arrays.deepEquals(c.forces, forces)
        && Arrays.equals(c.plusStress, plusStress) && Arrays.equals(c.siteEnergies, siteEnergies)
        && c.features.equals(features);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(types) * 31 + Arrays.deepHashCode(cartesian);
  }

  @Override
  public String toString() {
    return "MlipCfg[" + size() + " atoms, " + supercell.length + " supercell rows]";
  }
}
