package org.ordex.potentials.mtp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Text;

/**
 * A Moment Tensor Potential as stored in an MLIP-2 {@code .mtp} file (version 1.1.0): the
 * Chebyshev radial basis on [min_dist, max_dist], the radial coefficients per ordered species
 * pair (central-neighbour), the moment basis ({@code alpha_index_basic},
 * {@code alpha_index_times}, {@code alpha_moment_mapping}) and the linear coefficients
 * ({@code species_coeffs}, {@code moment_coeffs}). An untrained template has no radial or
 * linear coefficients ({@link #isTrained()} is false). The optional top-level and radial-block
 * {@code scaling} factors are kept apart (for a faithful round trip) and multiply in
 * {@link #scaling()}. Reading accepts CRLF line endings; writing follows MLIP's layout with
 * numbers that read back exactly. Immutable.
 */
public final class MtpPotential {
  /** Radial basis types MLIP-2 writes for MTPs. */
  public enum RadialBasis {
    /** Chebyshev polynomials of ξ(r) times (r − max_dist)². */
    CHEBYSHEV("RBChebyshev"),
    /**
     * As {@link #CHEBYSHEV}, with r clamped to min_dist and a hard-core term
     * 10⁴·(e^{−10(r−1)} − e^{−10(min_dist−1)}) per neighbour closer than min_dist.
     */
    CHEBYSHEV_REPULSIVE("RBChebyshev_repuls");

    private final String label;

    RadialBasis(String label) {
      this.label = label;
    }

    /** The name used in .mtp files. */
    public String label() {
      return label;
    }
  }

  private final String name;
  private final double topScaling;
  private final int speciesCount;
  private final String tag;
  private final RadialBasis radialBasis;
  private final double radialScaling;
  private final double minDist;
  private final double maxDist;
  private final int radialBasisSize;
  private final int radialFuncsCount;
  private final double[] radialCoeffs;
  private final int alphaMomentsCount;
  private final int[][] alphaIndexBasic;
  private final int[][] alphaIndexTimes;
  private final int[] alphaMomentMapping;
  private final double[] speciesCoeffs;
  private final double[] momentCoeffs;

  private MtpPotential(Builder b) {
    this.name = b.name;
    this.topScaling = b.topScaling;
    this.speciesCount = b.speciesCount;
    this.tag = b.tag;
    this.radialBasis = b.radialBasis;
    this.radialScaling = b.radialScaling;
    this.minDist = b.minDist;
    this.maxDist = b.maxDist;
    this.radialBasisSize = b.radialBasisSize;
    this.radialFuncsCount = b.radialFuncsCount;
    this.radialCoeffs = b.radialCoeffs == null ? null : b.radialCoeffs.clone();
    this.alphaMomentsCount = b.alphaMomentsCount;
    this.alphaIndexBasic = copy(b.alphaIndexBasic);
    this.alphaIndexTimes = copy(b.alphaIndexTimes);
    this.alphaMomentMapping = b.alphaMomentMapping.clone();
    this.speciesCoeffs = b.speciesCoeffs == null ? null : b.speciesCoeffs.clone();
    this.momentCoeffs = b.momentCoeffs == null ? null : b.momentCoeffs.clone();
  }

  private static int[][] copy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  // ---------------------------------------------------------------- accessors

  /** The {@code potential_name}. */
  public String name() {
    return name;
  }

  public int speciesCount() {
    return speciesCount;
  }

  /** The {@code potential_tag} (often empty). */
  public String tag() {
    return tag;
  }

  public RadialBasis radialBasis() {
    return radialBasis;
  }

  /** The factor applied to every radial basis value: top-level × radial-block scaling. */
  public double scaling() {
    return topScaling * radialScaling;
  }

  /** The top-level {@code scaling} line (1 when absent). */
  public double topScaling() {
    return topScaling;
  }

  /** The {@code scaling} line inside the radial-basis block (1 when absent). */
  public double radialScaling() {
    return radialScaling;
  }

  public double minDist() {
    return minDist;
  }

  /** The cutoff radius (Å): neighbours count when r &lt; max_dist. */
  public double maxDist() {
    return maxDist;
  }

  /** Number of Chebyshev functions R in each radial function. */
  public int radialBasisSize() {
    return radialBasisSize;
  }

  /** Number of radial functions K (index μ of the basic moments). */
  public int radialFuncsCount() {
    return radialFuncsCount;
  }

  /** Whether the file holds radial and linear coefficients (a template does not). */
  public boolean isTrained() {
    return radialCoeffs != null && speciesCoeffs != null;
  }

  /**
   * Radial coefficient c[central][neighbour][μ][ξ], flattened as
   * {@code ((central·C + neighbour)·K + μ)·R + ξ} (MLIP's order; copy). Throws for a template.
   */
  public double[] radialCoeffs() {
    requireTrained();
    return radialCoeffs.clone();
  }

  /** Number of moments (basic and products). */
  public int alphaMomentsCount() {
    return alphaMomentsCount;
  }

  /** Basic moments {μ, a, b, c}: Σ_j f_μ(r_j) x^a y^b z^c / r^(a+b+c) (copy). */
  public int[][] alphaIndexBasic() {
    return copy(alphaIndexBasic);
  }

  /** Products {i, j, multiplicity, target}: m[target] += multiplicity·m[i]·m[j] (copy). */
  public int[][] alphaIndexTimes() {
    return copy(alphaIndexTimes);
  }

  /** The scalar moments that are basis functions (copy). */
  public int[] alphaMomentMapping() {
    return alphaMomentMapping.clone();
  }

  /** Number of scalar moment basis functions (= moment_coeffs count). */
  public int alphaScalarMoments() {
    return alphaMomentMapping.length;
  }

  /** Site energy of an isolated atom of each species (copy). Throws for a template. */
  public double[] speciesCoeffs() {
    requireTrained();
    return speciesCoeffs.clone();
  }

  /** Coefficient of each scalar moment basis function (copy). Throws for a template. */
  public double[] momentCoeffs() {
    requireTrained();
    return momentCoeffs.clone();
  }

  /** The number of radial coefficients C²·K·R. */
  public int radialCoeffCount() {
    return speciesCount * speciesCount * radialFuncsCount * radialBasisSize;
  }

  /**
   * The MTP level of the basis: the largest level of a scalar basis function, where a basic
   * moment {μ, a, b, c} has level 2 + 4μ + (a + b + c) and a product adds the levels.
   */
  public int level() {
    int[] lev = momentLevels();
    int max = 0;
    for (int m : alphaMomentMapping) {
      max = Math.max(max, lev[m]);
    }
    return max;
  }

  /** Level of every moment (see {@link #level()}). */
  int[] momentLevels() {
    int[] lev = new int[alphaMomentsCount];
    for (int i = 0; i < alphaIndexBasic.length; i++) {
      int[] a = alphaIndexBasic[i];
      lev[i] = 2 + 4 * a[0] + a[1] + a[2] + a[3];
    }
    for (int[] t : alphaIndexTimes) {
      lev[t[3]] = lev[t[0]] + lev[t[1]];
    }
    return lev;
  }

  private void requireTrained() {
    if (!isTrained()) {
      throw new InvalidInputException("potential '" + name + "' is an untrained template (no "
          + "radial_coeffs / species_coeffs / moment_coeffs); train it with mlp train first");
    }
  }

  /** One line: name, species, level, basis sizes, radial basis and cutoff. */
  public String describe() {
    return String.format(Locale.ROOT, "MTP '%s': %d species, level %d, %d basis functions "
        + "(%d moments), %s %.3g–%.3g Å%s", name, speciesCount, level(), alphaScalarMoments(),
        alphaMomentsCount, radialBasis.label(), minDist, maxDist,
        isTrained() ? "" : ", untrained template");
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MtpPotential p && p.format().equals(format());
  }

  @Override
  public int hashCode() {
    return format().hashCode();
  }

  // ---------------------------------------------------------------- derived potentials

  /**
   * The same basis with other coefficients (radial in MLIP's order, see
   * {@link #radialCoeffs()}), e.g. after training or for tests with random coefficients.
   */
  public MtpPotential withCoefficients(double[] radial, double[] species, double[] moments) {
    if (radial.length != radialCoeffCount() || species.length != speciesCount
        || moments.length != alphaScalarMoments()) {
      throw new IllegalArgumentException("expected " + radialCoeffCount() + " radial, "
          + speciesCount + " species and " + alphaScalarMoments() + " moment coefficients");
    }
    Builder b = toBuilder();
    b.radialCoeffs = radial.clone();
    b.speciesCoeffs = species.clone();
    b.momentCoeffs = moments.clone();
    return new MtpPotential(b);
  }

  /**
   * The template of the lower level {@code level}: only the scalar basis functions of level
   * at most {@code level} and the moments they need, renumbered (MLIP's templates of
   * different levels are nested this way).
   */
  public MtpPotential templateOfLevel(int level) {
    int[] lev = momentLevels();
    boolean[] needed = new boolean[alphaMomentsCount];
    List<Integer> mapping = new ArrayList<>();
    for (int m : alphaMomentMapping) {
      if (lev[m] <= level) {
        needed[m] = true;
        mapping.add(m);
      }
    }
    if (mapping.isEmpty()) {
      throw new InvalidInputException("no basis function of level " + level + " or lower");
    }
    for (int i = alphaIndexTimes.length - 1; i >= 0; i--) {
      int[] t = alphaIndexTimes[i];
      if (needed[t[3]]) {
        needed[t[0]] = true;
        needed[t[1]] = true;
      }
    }
    int[] newIndex = new int[alphaMomentsCount];
    int count = 0;
    List<int[]> basic = new ArrayList<>();
    for (int i = 0; i < alphaIndexBasic.length; i++) {
      newIndex[i] = needed[i] ? count++ : -1;
      if (needed[i]) {
        basic.add(alphaIndexBasic[i].clone());
      }
    }
    List<int[]> times = new ArrayList<>();
    for (int i = alphaIndexBasic.length; i < alphaMomentsCount; i++) {
      newIndex[i] = needed[i] ? count++ : -1;
    }
    for (int[] t : alphaIndexTimes) {
      if (needed[t[3]]) {
        times.add(new int[] {newIndex[t[0]], newIndex[t[1]], t[2], newIndex[t[3]]});
      }
    }
    int k = 0;
    for (int[] a : basic) {
      k = Math.max(k, a[0] + 1);
    }
    Builder b = toBuilder();
    b.radialFuncsCount = k;
    b.alphaMomentsCount = count;
    b.alphaIndexBasic = basic.toArray(new int[0][]);
    b.alphaIndexTimes = times.toArray(new int[0][]);
    b.alphaMomentMapping = mapping.stream().mapToInt(m -> newIndex[m]).toArray();
    b.radialCoeffs = null;
    b.speciesCoeffs = null;
    b.momentCoeffs = null;
    return new MtpPotential(b);
  }

  /**
   * An untrained RBChebyshev template with the given moment basis (see {@link MtpLevels}
   * for how a level's basis is generated).
   */
  static MtpPotential template(int speciesCount, double minDist, double maxDist,
      int radialBasisSize, int radialFuncsCount, int momentsCount, int[][] basic,
      int[][] times, int[] mapping) {
    Builder b = new Builder();
    b.name = "MTP1m";
    b.speciesCount = speciesCount;
    b.radialBasis = RadialBasis.CHEBYSHEV;
    b.minDist = minDist;
    b.maxDist = maxDist;
    b.radialBasisSize = radialBasisSize;
    b.radialFuncsCount = radialFuncsCount;
    b.alphaMomentsCount = momentsCount;
    b.alphaIndexBasic = basic;
    b.alphaIndexTimes = times;
    b.alphaMomentMapping = mapping;
    MtpPotential p = new MtpPotential(b);
    return parse(p.format(), "generated template");
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.topScaling = topScaling;
    b.speciesCount = speciesCount;
    b.tag = tag;
    b.radialBasis = radialBasis;
    b.radialScaling = radialScaling;
    b.minDist = minDist;
    b.maxDist = maxDist;
    b.radialBasisSize = radialBasisSize;
    b.radialFuncsCount = radialFuncsCount;
    b.radialCoeffs = radialCoeffs;
    b.alphaMomentsCount = alphaMomentsCount;
    b.alphaIndexBasic = alphaIndexBasic;
    b.alphaIndexTimes = alphaIndexTimes;
    b.alphaMomentMapping = alphaMomentMapping;
    b.speciesCoeffs = speciesCoeffs;
    b.momentCoeffs = momentCoeffs;
    return b;
  }

  private static final class Builder {
    String name = "";
    double topScaling = 1;
    int speciesCount;
    String tag = "";
    RadialBasis radialBasis;
    double radialScaling = 1;
    double minDist;
    double maxDist;
    int radialBasisSize;
    int radialFuncsCount;
    double[] radialCoeffs;
    int alphaMomentsCount;
    int[][] alphaIndexBasic;
    int[][] alphaIndexTimes;
    int[] alphaMomentMapping;
    double[] speciesCoeffs;
    double[] momentCoeffs;
  }

  // ---------------------------------------------------------------- reading

  /** Reads a .mtp file; errors name the file and line. */
  public static MtpPotential read(Path path) {
    return parse(Text.read(path), path.toString());
  }

  /** Parses .mtp text; {@code fileName} is used in error messages. */
  public static MtpPotential parse(String text, String fileName) {
    return new Reader(text, fileName).read();
  }

  /** Line-by-line reader of the fixed key order MLIP writes. */
  private static final class Reader {
    private final Text.Lines in;
    private final String fileName;
    private final Builder b = new Builder();

    Reader(String text, String fileName) {
      this.in = new Text.Lines(text, fileName);
      this.fileName = fileName;
    }

    MtpPotential read() {
      expectLine("MTP");
      String version = value("version");
      if (!version.equals("1.1.0")) {
        throw in.error("unsupported version '" + version + "'; expected 1.1.0");
      }
      if (peekKey("potential_name")) {
        b.name = value("potential_name");
      }
      if (peekKey("scaling")) {
        b.topScaling = positive(number(value("scaling")), "scaling");
      }
      b.speciesCount = count(value("species_count"), "species_count", 1);
      if (peekKey("potential_tag")) {
        b.tag = value("potential_tag");
      }
      String type = value("radial_basis_type");
      b.radialBasis = Arrays.stream(RadialBasis.values()).filter(r -> r.label.equals(type))
          .findFirst().orElseThrow(() -> in.error("unsupported radial_basis_type '" + type
              + "'; expected RBChebyshev or RBChebyshev_repuls"));
      if (peekKey("scaling")) {
        b.radialScaling = positive(number(value("scaling")), "scaling");
      }
      b.minDist = number(value("min_dist"));
      b.maxDist = number(value("max_dist"));
      if (!(b.minDist >= 0 && b.maxDist > b.minDist)) {
        throw in.error("expected 0 ≤ min_dist < max_dist, found " + b.minDist + " and "
            + b.maxDist);
      }
      b.radialBasisSize = count(value("radial_basis_size"), "radial_basis_size", 2);
      b.radialFuncsCount = count(value("radial_funcs_count"), "radial_funcs_count", 1);
      if (peekKey("radial_coeffs")) {
        readRadialCoeffs();
      }
      b.alphaMomentsCount = count(value("alpha_moments_count"), "alpha_moments_count", 1);
      int basicCount = count(value("alpha_index_basic_count"), "alpha_index_basic_count", 1);
      b.alphaIndexBasic = groups(value("alpha_index_basic"), basicCount, "alpha_index_basic");
      int lastBasic = in.lineNumber();
      int timesCount = count(value("alpha_index_times_count"), "alpha_index_times_count", 0);
      b.alphaIndexTimes = groups(value("alpha_index_times"), timesCount, "alpha_index_times");
      int lastTimes = in.lineNumber();
      int scalars = count(value("alpha_scalar_moments"), "alpha_scalar_moments", 1);
      b.alphaMomentMapping = integers(value("alpha_moment_mapping"));
      if (b.alphaMomentMapping.length != scalars) {
        throw in.error("alpha_moment_mapping has " + b.alphaMomentMapping.length
            + " entries, alpha_scalar_moments = " + scalars);
      }
      checkBasis(lastBasic, lastTimes);
      if (peekKey("species_coeffs")) {
        b.speciesCoeffs = numbers(value("species_coeffs"), b.speciesCount, "species_coeffs");
        b.momentCoeffs = numbers(value("moment_coeffs"), scalars, "moment_coeffs");
      }
      while (in.hasNext()) {
        String rest = in.next().trim();
        if (!rest.isEmpty()) {
          throw in.error("unexpected '" + rest + "' after the last field");
        }
      }
      if (b.radialCoeffs != null && b.speciesCoeffs == null) {
        throw in.error("radial_coeffs are given but species_coeffs and moment_coeffs are "
            + "missing");
      }
      return new MtpPotential(b);
    }

    private void readRadialCoeffs() {
      nextNonBlank();
      int c = b.speciesCount;
      int k = b.radialFuncsCount;
      int r = b.radialBasisSize;
      b.radialCoeffs = new double[c * c * k * r];
      boolean[] seen = new boolean[c * c];
      for (int p = 0; p < c * c; p++) {
        String label = nextNonBlank();
        String[] st = label.split("-");
        if (st.length != 2 || !st[0].matches("\\d+") || !st[1].matches("\\d+")) {
          throw in.error("expected a species pair such as 0-1, found '" + label + "'");
        }
        int s1 = in.integer(st[0]);
        int s2 = in.integer(st[1]);
        if (s1 >= c || s2 >= c || seen[s1 * c + s2]) {
          throw in.error("species pair " + label + " is out of range or repeated (species_count "
              + c + ")");
        }
        seen[s1 * c + s2] = true;
        for (int mu = 0; mu < k; mu++) {
          double[] v = numbers(nextNonBlank(), r, "radial coefficients of pair " + label);
          System.arraycopy(v, 0, b.radialCoeffs, ((s1 * c + s2) * k + mu) * r, r);
        }
      }
    }

    private void checkBasis(int basicLine, int timesLine) {
      int k = b.radialFuncsCount;
      int n = b.alphaMomentsCount;
      int basic = b.alphaIndexBasic.length;
      if (basic > n) {
        throw InvalidInputException.atLine(fileName, basicLine, "alpha_index_basic_count "
            + basic + " exceeds alpha_moments_count " + n);
      }
      for (int[] a : b.alphaIndexBasic) {
        if (a[0] < 0 || a[0] >= k || a[1] < 0 || a[2] < 0 || a[3] < 0) {
          throw InvalidInputException.atLine(fileName, basicLine, "basic moment "
              + Arrays.toString(a) + " needs 0 ≤ μ < radial_funcs_count (" + k
              + ") and non-negative powers");
        }
      }
      for (int[] t : b.alphaIndexTimes) {
        if (t[0] < 0 || t[0] >= n || t[1] < 0 || t[1] >= n || t[3] < basic || t[3] >= n) {
          throw InvalidInputException.atLine(fileName, timesLine, "product "
              + Arrays.toString(t) + " refers to a moment outside 0.." + (n - 1)
              + " or writes into a basic moment");
        }
      }
      for (int m : b.alphaMomentMapping) {
        if (m < 0 || m >= n) {
          throw in.error("alpha_moment_mapping entry " + m + " is outside 0.." + (n - 1));
        }
      }
    }

    private String nextNonBlank() {
      while (true) {
        String line = in.next().trim();
        if (!line.isEmpty()) {
          return line;
        }
      }
    }

    private void expectLine(String expected) {
      String line = nextNonBlank();
      if (!line.equals(expected)) {
        throw in.error("expected '" + expected + "', found '" + line + "'");
      }
    }

    /** Whether the next non-blank line starts with {@code key} (as a whole word). */
    private boolean peekKey(String key) {
      while (in.peek() != null && in.peek().isBlank()) {
        in.next();
      }
      String line = in.peek();
      if (line == null) {
        return false;
      }
      String t = line.trim();
      return t.equals(key) || t.startsWith(key + " ") || t.startsWith(key + "=")
          || t.startsWith(key + "\t");
    }

    /** The value of the next line, which must read {@code key = value}. */
    private String value(String key) {
      if (!peekKey(key)) {
        if (!in.hasNext()) {
          throw in.error("expected '" + key + " = …', found the end of the file");
        }
        String found = in.next().trim();
        throw in.error("expected '" + key + " = …', found '" + found + "'");
      }
      String line = in.next().trim();
      if (line.equals(key)) {
        return "";
      }
      String rest = line.substring(key.length()).stripLeading();
      if (!rest.startsWith("=")) {
        throw in.error("expected '" + key + " = …', found '" + line + "'");
      }
      return rest.substring(1).trim();
    }

    private double number(String s) {
      return in.number(s);
    }

    private double positive(double v, String what) {
      if (!(v > 0)) {
        throw in.error(what + " must be positive, found " + v);
      }
      return v;
    }

    private int count(String s, String what, int min) {
      int v = in.integer(s);
      if (v < min) {
        throw in.error(what + " must be at least " + min + ", found " + v);
      }
      return v;
    }

    private String[] listItems(String s) {
      String t = s.replace("{", " ").replace("}", " ").trim();
      return t.isEmpty() ? new String[0] : t.split("\\s*,\\s*");
    }

    private int[] integers(String s) {
      String[] items = listItems(s);
      int[] v = new int[items.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = in.integer(items[i].trim());
      }
      return v;
    }

    private double[] numbers(String s, int expected, String what) {
      String[] items = listItems(s);
      if (items.length != expected) {
        throw in.error(what + ": expected " + expected + " numbers, found " + items.length);
      }
      double[] v = new double[items.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = in.number(items[i].trim());
      }
      return v;
    }

    private int[][] groups(String s, int count, String what) {
      int[] flat = integers(s);
      if (flat.length != 4 * count) {
        throw in.error(what + ": expected " + count + " groups of 4 integers, found "
            + flat.length + " integers");
      }
      int[][] g = new int[count][];
      for (int i = 0; i < count; i++) {
        g[i] = Arrays.copyOfRange(flat, 4 * i, 4 * i + 4);
      }
      return g;
    }
  }

  // ---------------------------------------------------------------- writing

  /** The .mtp text in MLIP's layout. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append("MTP\nversion = 1.1.0\n");
    b.append("potential_name = ").append(name).append('\n');
    if (topScaling != 1) {
      b.append("scaling = ").append(num(topScaling)).append('\n');
    }
    b.append("species_count = ").append(speciesCount).append('\n');
    b.append("potential_tag = ").append(tag).append('\n');
    b.append("radial_basis_type = ").append(radialBasis.label()).append('\n');
    if (radialScaling != 1) {
      b.append("\tscaling = ").append(num(radialScaling)).append('\n');
    }
    b.append("\tmin_dist = ").append(num(minDist)).append('\n');
    b.append("\tmax_dist = ").append(num(maxDist)).append('\n');
    b.append("\tradial_basis_size = ").append(radialBasisSize).append('\n');
    b.append("\tradial_funcs_count = ").append(radialFuncsCount).append('\n');
    if (radialCoeffs != null) {
      b.append("\tradial_coeffs\n");
      int r = radialBasisSize;
      for (int s1 = 0; s1 < speciesCount; s1++) {
        for (int s2 = 0; s2 < speciesCount; s2++) {
          b.append("\t\t").append(s1).append('-').append(s2).append('\n');
          for (int mu = 0; mu < radialFuncsCount; mu++) {
            int off = ((s1 * speciesCount + s2) * radialFuncsCount + mu) * r;
            b.append("\t\t\t");
            list(b, Arrays.copyOfRange(radialCoeffs, off, off + r));
            b.append('\n');
          }
        }
      }
    }
    b.append("alpha_moments_count = ").append(alphaMomentsCount).append('\n');
    b.append("alpha_index_basic_count = ").append(alphaIndexBasic.length).append('\n');
    b.append("alpha_index_basic = ");
    groups(b, alphaIndexBasic);
    b.append("alpha_index_times_count = ").append(alphaIndexTimes.length).append('\n');
    b.append("alpha_index_times = ");
    groups(b, alphaIndexTimes);
    b.append("alpha_scalar_moments = ").append(alphaMomentMapping.length).append('\n');
    b.append("alpha_moment_mapping = {");
    for (int i = 0; i < alphaMomentMapping.length; i++) {
      b.append(i == 0 ? "" : ", ").append(alphaMomentMapping[i]);
    }
    b.append("}\n");
    if (speciesCoeffs != null) {
      b.append("species_coeffs = ");
      list(b, speciesCoeffs);
      b.append("\nmoment_coeffs = ");
      list(b, momentCoeffs);
    }
    return b.toString();
  }

  /** Writes the .mtp file atomically. */
  public void write(Path path) {
    AtomicFiles.writeString(path, format());
  }

  private static void groups(StringBuilder b, int[][] g) {
    b.append('{');
    for (int i = 0; i < g.length; i++) {
      b.append(i == 0 ? "{" : ", {").append(g[i][0]).append(", ").append(g[i][1]).append(", ")
          .append(g[i][2]).append(", ").append(g[i][3]).append('}');
    }
    b.append("}\n");
  }

  private static void list(StringBuilder b, double[] v) {
    b.append('{');
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ", ").append(num(v[i]));
    }
    b.append('}');
  }

  /** MLIP's {@code %.15e}, or {@code %.16e} where 16 digits would not read back exactly. */
  static String num(double x) {
    String s = Text.scientific(x, 15);
    return Double.parseDouble(s) == x ? s : Text.scientific(x, 16);
  }
}
