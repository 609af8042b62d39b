package org.ordex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.YamlFiles;

/**
 * The user's DFT options file (YAML) for {@code spotcheck export}:
 *
 * <pre>
 * magmom:                  # initial moments (μB): a number per species, or one per sublattice
 *   Co: {8a: -3, 16d: 0}   #   label (needs --system to know each atom's sublattice)
 *   Mn: {8a: -5, 16d: 4}
 *   O: 0
 * hubbard_u: {Co: 3.32, Mn: 3.9}   # eV on the d shell (VASP LDAUTYPE 2, QE Hubbard_U)
 * kpoint_density: 1.4              # per Å⁻¹: n_i = ceil(2π|b_i|·density), half-step shifted
 * vegard:                         # Vegard's law: each pure end member's cell relative to the
 *   Co: 1.0                        #   input cell, as a scale factor, three axis factors [x,y,z]
 *   Mn: [1.0081, 1.0081, 1.1715]   #   (Cartesian) or a 3×3 deformation matrix
 * vasp:
 *   incar: {ENCUT: 520, ISMEAR: 0} # extra or overriding INCAR tags
 * qe:
 *   pseudopotentials: {Co: Co.pbe-spn-kjpaw_psl.1.0.0.UPF, Mn: …, O: …}
 *   valence: {Co: 17, Mn: 15, O: 6} # electrons per pseudopotential: starting_magnetization
 *   control: {pseudo_dir: './pseudo'}   # extra &CONTROL / &SYSTEM / &ELECTRONS entries
 *   system: {ecutwfc: 45, ecutrho: 360}
 *   electrons: {mixing_beta: 0.3}
 * </pre>
 * Every key is optional; unknown keys are bad input (a typo must not pass silently).
 */
record DftOptions(Map<String, Map<String, Double>> magmom, Map<String, Double> hubbardU,
    double kpointDensity, Map<String, double[][]> vegard, Map<String, String> incar,
    Map<String, String> pseudopotentials, Map<String, Double> valence,
    Map<String, Map<String, String>> qeNamelists) {
  /** The key under {@link #magmom()} for a moment that holds on every sublattice. */
  static final String ANY_SUBLATTICE = "*";
  static final double DEFAULT_KPOINT_DENSITY = 1.4;

  private static final Set<String> TOP = Set.of("magmom", "hubbard_u", "kpoint_density",
      "vegard", "vasp", "qe");

  /** No options: zero moments, no U, the default k-point density, no scaling. */
  static DftOptions defaults() {
    return new DftOptions(Map.of(), Map.of(), DEFAULT_KPOINT_DENSITY, Map.of(), Map.of(),
        Map.of(), Map.of(), Map.of());
  }

  /** Reads an options file; problems are bad input naming the file and key. */
  static DftOptions read(Path path) {
    JsonNode root = YamlFiles.read(path);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return defaults();
    }
    if (!root.isObject()) {
      throw new InvalidInputException(path + ": expected a mapping with keys " + TOP);
    }
    checkKeys(root, TOP, path, "");
    Map<String, Map<String, Double>> magmom = new LinkedHashMap<>();
    root.path("magmom").fields().forEachRemaining(e -> {
      Map<String, Double> bySublattice = new LinkedHashMap<>();
      if (e.getValue().isObject()) {
        e.getValue().fields().forEachRemaining(s -> bySublattice.put(s.getKey(),
            number(s.getValue(), path, "magmom." + e.getKey() + "." + s.getKey())));
      } else {
        bySublattice.put(ANY_SUBLATTICE, number(e.getValue(), path, "magmom." + e.getKey()));
      }
      magmom.put(e.getKey(), bySublattice);
    });
    double density = root.has("kpoint_density")
        ? number(root.get("kpoint_density"), path, "kpoint_density") : DEFAULT_KPOINT_DENSITY;
    if (!(density > 0)) {
      throw new InvalidInputException(path + ": kpoint_density must be positive");
    }
    Map<String, double[][]> vegard = new LinkedHashMap<>();
    root.path("vegard").fields().forEachRemaining(e -> vegard.put(e.getKey(),
        deformation(e.getValue(), path, "vegard." + e.getKey())));
    JsonNode vasp = root.path("vasp");
    checkKeys(vasp, Set.of("incar"), path, "vasp.");
    JsonNode qe = root.path("qe");
    checkKeys(qe, Set.of("pseudopotentials", "valence", "control", "system", "electrons"), path,
        "qe.");
    Map<String, Map<String, String>> namelists = new LinkedHashMap<>();
    for (String nl : new String[] {"control", "system", "electrons"}) {
      namelists.put(nl, strings(qe.path(nl)));
    }
    return new DftOptions(magmom, numbers(root.path("hubbard_u"), path, "hubbard_u"), density,
        vegard, strings(vasp.path("incar")), strings(qe.path("pseudopotentials")),
        numbers(qe.path("valence"), path, "qe.valence"), namelists);
  }

  /**
   * The initial moment of a species on a sublattice: the per-sublattice value, else the
   * species' single value, else 0. A per-sublattice table without this sublattice is bad
   * input.
   */
  double magmom(String species, String sublattice) {
    Map<String, Double> m = magmom.get(species);
    if (m == null) {
      return 0;
    }
    if (m.containsKey(ANY_SUBLATTICE)) {
      return m.get(ANY_SUBLATTICE);
    }
    if (sublattice == null) {
      throw new InvalidInputException("magmom." + species + " is given per sublattice "
          + m.keySet() + ": give --system so that each atom's sublattice is known");
    }
    Double v = m.get(sublattice);
    if (v == null) {
      throw new InvalidInputException("magmom." + species + " has no value for sublattice "
          + sublattice + " (has " + m.keySet() + ")");
    }
    return v;
  }

  /** True when some moment depends on the sublattice. */
  boolean needsSublattices() {
    return magmom.values().stream().anyMatch(m -> !m.containsKey(ANY_SUBLATTICE));
  }

  /** A deformation: a number s (s·I), three axis factors, or a 3×3 matrix (rows). */
  private static double[][] deformation(JsonNode n, Path path, String key) {
    double[][] m = new double[3][3];
    if (n.isNumber()) {
      for (int i = 0; i < 3; i++) {
        m[i][i] = n.asDouble();
      }
    } else if (n.isArray() && n.size() == 3 && n.get(0).isNumber()) {
      for (int i = 0; i < 3; i++) {
        m[i][i] = number(n.get(i), path, key + "[" + i + "]");
      }
    } else if (n.isArray() && n.size() == 3) {
      for (int i = 0; i < 3; i++) {
        JsonNode row = n.get(i);
        if (!row.isArray() || row.size() != 3) {
          throw new InvalidInputException(path + ": " + key + " must be a number, three "
              + "numbers or a 3×3 matrix");
        }
        for (int k = 0; k < 3; k++) {
          m[i][k] = number(row.get(k), path, key + "[" + i + "][" + k + "]");
        }
      }
    } else {
      throw new InvalidInputException(path + ": " + key + " must be a number, three numbers "
          + "or a 3×3 matrix");
    }
    if (!(org.ordex.lattice.Matrix3.det(m) > 0)) {
      throw new InvalidInputException(path + ": " + key + " must have a positive determinant");
    }
    return m;
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, Path path, String prefix) {
    if (node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      throw new InvalidInputException(path + ": " + prefix + " must be a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new InvalidInputException(path + ": unknown key '" + prefix + k + "'; expected "
            + allowed);
      }
    }
  }

  private static double number(JsonNode n, Path path, String key) {
    if (!n.isNumber()) {
      throw new InvalidInputException(path + ": " + key + " must be a number, found '"
          + n.asText() + "'");
    }
    return n.asDouble();
  }

  private static Map<String, Double> numbers(JsonNode node, Path path, String key) {
    Map<String, Double> m = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(),
        number(e.getValue(), path, key + "." + e.getKey())));
    return m;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> m = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }
}
