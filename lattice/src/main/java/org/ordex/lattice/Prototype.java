package org.ordex.lattice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Built-in parent cells with their site labels: {@code spinel} (Fd-3m, origin choice 2:
 * cations on 8a and 16d, anions on 32e at (u,u,u)), {@code fcc}, {@code bcc}, {@code sc} and
 * the 2D {@code square} lattice (one site per cell, out-of-plane spacing c = 10a by default,
 * so that only in-plane neighbours count). Conventional cells by default, primitive on
 * request. Sites are labelled by Wyckoff position and listed label by label, each label's
 * sites in lexicographic order of their fractional coordinates.
 */
public enum Prototype {
  SPINEL(Set.of("a", "u")),
  FCC(Set.of("a")),
  BCC(Set.of("a")),
  SC(Set.of("a")),
  SQUARE(Set.of("a", "c"));

  private static final double[][] FCC_CENTRING = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
  private static final double[][] BCC_CENTRING = {{0, 0, 0}, {.5, .5, .5}};

  private final Set<String> parameters;

  Prototype(Set<String> parameters) {
    this.parameters = parameters;
  }

  /** A cell with a label per site (labels name Wyckoff positions). */
  public record LabelledCell(Structure structure, String[] labels) {}

  /** The prototype named {@code name} (case-insensitive). */
  public static Prototype named(String name) {
    for (Prototype p : values()) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new InvalidInputException("unknown prototype '" + name + "'; known: "
        + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
  }

  /** Parameters this prototype takes (a, and u for spinel, c for square). */
  public Set<String> parameters() {
    return parameters;
  }

  /**
   * Builds the cell.
   *
   * @param params lattice parameter {@code a} (Å, required), spinel {@code u} (required),
   *     square {@code c} (Å, default 10a)
   * @param primitive the primitive cell instead of the conventional one
   */
  public LabelledCell build(Map<String, Double> params, boolean primitive) {
    for (String k : params.keySet()) {
      if (!parameters.contains(k)) {
        throw new InvalidInputException("prototype " + name().toLowerCase(Locale.ROOT)
            + " takes parameters " + parameters + ", not '" + k + "'");
      }
    }
    double a = require(params, "a");
    if (!(a > 0)) {
      throw new InvalidInputException("lattice parameter a must be positive, got " + a);
    }
    return switch (this) {
      case SPINEL -> spinel(a, require(params, "u"), primitive);
      case FCC -> centred(a, FCC_CENTRING, "4a", primitive ? fccPrimitive() : null);
      case BCC -> centred(a, BCC_CENTRING, "2a", primitive ? bccPrimitive() : null);
      case SC -> centred(a, new double[][] {{0, 0, 0}}, "1a", null);
      case SQUARE -> square(a, params.getOrDefault("c", 10 * a));
    };
  }

  private double require(Map<String, Double> params, String key) {
    Double v = params.get(key);
    if (v == null || v.isNaN()) {
      throw new InvalidInputException("prototype " + name().toLowerCase(Locale.ROOT)
          + " needs parameter '" + key + "'" + (key.equals("u")
              ? " (oxygen x of 32e in origin choice 2, typically 0.26)" : " (Å)"));
    }
    return v;
  }

  private static double[][] fccPrimitive() {
    return new double[][] {{0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
  }

  private static double[][] bccPrimitive() {
    return new double[][] {{-.5, .5, .5}, {.5, -.5, .5}, {.5, .5, -.5}};
  }

  private static LabelledCell square(double a, double c) {
    if (!(c > 0)) {
      throw new InvalidInputException("square lattice spacing c must be positive, got " + c);
    }
    Lattice l = Lattice.orthorhombic(a, a, c);
    return new LabelledCell(Structure.of(l, new double[][] {{0, 0, 0}}, new String[] {"X"}),
        new String[] {"1a"});
  }

  private static LabelledCell centred(double a, double[][] centring, String label,
      double[][] primitiveVectors) {
    List<double[]> pos = new ArrayList<>(Arrays.asList(centring));
    List<String> labels = new ArrayList<>();
    pos.forEach(p -> labels.add(label));
    return reduce(a, pos, labels, primitiveVectors);
  }

  private static LabelledCell spinel(double a, double u, boolean primitive) {
    if (!(u > 0 && u < 0.5)) {
      throw new InvalidInputException("spinel oxygen parameter u must lie in (0, 0.5), got " + u);
    }
    double[][] tetra = {{1 / 8.0, 1 / 8.0, 1 / 8.0}, {7 / 8.0, 3 / 8.0, 3 / 8.0}};
    double[][] octa = {{.5, .5, .5}, {.25, .75, 0}, {.75, 0, .25}, {0, .25, .75}};
    double x = u;
    double[][] anion = {
      {x, x, x}, {-x + .75, -x + .25, x + .5}, {-x + .25, x + .5, -x + .75},
      {x + .5, -x + .75, -x + .25}, {-x, -x, -x}, {x + .25, x + .75, -x + .5},
      {x + .75, -x + .5, x + .25}, {-x + .5, x + .25, x + .75}
    };
    List<double[]> pos = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    addCentred(pos, labels, tetra, "8a");
    addCentred(pos, labels, octa, "16d");
    addCentred(pos, labels, anion, "32e");
    return reduce(a, pos, labels, primitive ? fccPrimitive() : null);
  }

  private static void addCentred(List<double[]> pos, List<String> labels, double[][] orbit,
      String label) {
    List<double[]> group = new ArrayList<>();
    for (double[] c : FCC_CENTRING) {
      for (double[] p : orbit) {
        group.add(new double[] {p[0] + c[0], p[1] + c[1], p[2] + c[2]});
      }
    }
    pos.addAll(group);
    group.forEach(p -> labels.add(label));
  }

  /**
   * Wraps the conventional positions into the cell (or the primitive cell given by
   * {@code primitiveVectors} in units of a), removes duplicates, sorts each label's sites.
   */
  private static LabelledCell reduce(double a, List<double[]> conventional, List<String> labels,
      double[][] primitiveVectors) {
    Lattice lattice = primitiveVectors == null ? Lattice.orthorhombic(a, a, a)
        : Lattice.of(new double[][] {scale(primitiveVectors[0], a), scale(primitiveVectors[1], a),
            scale(primitiveVectors[2], a)});
    List<double[]> sites = new ArrayList<>();
    List<String> siteLabels = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < conventional.size(); i++) {
      double[] f = Matrix3.wrap(lattice.toFractional(scale(conventional.get(i), a)));
      for (int k = 0; k < 3; k++) {
        f[k] = Math.rint(f[k] * 1e12) / 1e12;
        if (f[k] >= 1) {
          f[k] -= 1;
        }
      }
      boolean duplicate = false;
      for (double[] s : sites) {
        if (lattice.periodicDistance(s, f) < 1e-6) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate) {
        sites.add(f);
        siteLabels.add(labels.get(i));
        if (!order.contains(labels.get(i))) {
          order.add(labels.get(i));
        }
      }
    }
    Comparator<double[]> lex = Comparator.<double[]>comparingDouble(p -> p[0])
        .thenComparingDouble(p -> p[1]).thenComparingDouble(p -> p[2]);
    List<double[]> sorted = new ArrayList<>();
    List<String> sortedLabels = new ArrayList<>();
    for (String l : order) {
      List<double[]> group = new ArrayList<>();
      for (int i = 0; i < sites.size(); i++) {
        if (siteLabels.get(i).equals(l)) {
          group.add(sites.get(i));
        }
      }
      group.sort(lex);
      sorted.addAll(group);
      group.forEach(g -> sortedLabels.add(l));
    }
    String[] species = new String[sorted.size()];
    Arrays.fill(species, "X");
    return new LabelledCell(Structure.of(lattice, sorted.toArray(new double[0][]), species),
        sortedLabels.toArray(new String[0]));
  }

  private static double[] scale(double[] v, double a) {
    return new double[] {v[0] * a, v[1] * a, v[2] * a};
  }
}
