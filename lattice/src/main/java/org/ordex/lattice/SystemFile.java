package org.ordex.lattice;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML system file. Example (the (Co,Mn)3O4 spinel in its 56-atom cell):
 *
 * <pre>
 * name: (Co,Mn)3O4 spinel
 * parent:
 *   prototype: spinel      # or: poscar: path/to/POSCAR (relative to this file)
 *   cell: conventional     # or primitive (prototypes only)
 *   a: 8.0835              # prototype parameters (Å); spinel also takes u
 *   u: 0.264
 * sites:                   # allowed species per site label
 *   8a: [Co, Mn]           # prototypes: Wyckoff labels; POSCAR: the species in the file
 *   16d: [Co, Mn]
 *   32e: [O]
 * supercell: 1x1x1         # NxNxN, N, or a 3×3 matrix [[..],[..],[..]]
 * tolerance: 0.01          # symmetry tolerance (Å), optional
 * </pre>
 */
public final class SystemFile {
  private static final Set<String> TOP_KEYS = Set.of("name", "parent", "sites", "supercell",
      "tolerance");

  private SystemFile() {}

  /** Reads and checks a system file; every problem is reported as bad input. */
  public static SystemSpec read(Path path) {
    JsonNode root = YamlFiles.read(path);
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(path + ": expected a YAML mapping with keys " + TOP_KEYS);
    }
    return parse(root, path);
  }

  private static SystemSpec parse(JsonNode root, Path path) {
    for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!TOP_KEYS.contains(k)) {
        throw error(path, "unknown key '" + k + "'; expected " + TOP_KEYS);
      }
    }
    String name = root.path("name").asText(path.getFileName().toString());
    double tolerance = SpaceGroup.DEFAULT_TOLERANCE;
    if (root.has("tolerance")) {
      tolerance = number(root.get("tolerance"), path, "tolerance");
      if (!(tolerance > 0 && tolerance < 1)) {
        throw error(path, "tolerance must be in (0, 1) Å, got " + tolerance);
      }
    }
    JsonNode parentNode = root.get("parent");
    if (parentNode == null || !parentNode.isObject()) {
      throw error(path, "missing 'parent' (a prototype with its parameters, or a poscar)");
    }
    Prototype.LabelledCell cell = parentCell(parentNode, path);
    JsonNode sitesNode = root.get("sites");
    if (sitesNode == null || !sitesNode.isObject()) {
      throw error(path, "missing 'sites': the allowed species per site label, e.g. 8a: [Co, Mn]");
    }
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = sitesNode.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      allowed.put(e.getKey(), speciesList(e.getValue(), path, "sites." + e.getKey()));
    }
    ParentLattice parent;
    try {
      parent = ParentLattice.of(cell.structure(), cell.labels(), allowed, tolerance);
    } catch (InvalidInputException e) {
      throw error(path, e.getMessage());
    }
    if (parent.activeSiteCount() == 0) {
      throw error(path, "no site allows two or more species: nothing to arrange");
    }
    JsonNode sc = root.get("supercell");
    int[][] matrix = sc == null ? new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
        : supercellMatrix(sc, path);
    Supercell supercell;
    try {
      supercell = Supercell.of(parent, matrix);
    } catch (InvalidInputException e) {
      throw error(path, e.getMessage());
    }
    return new SystemSpec(name, parent, supercell, path);
  }

  private static Prototype.LabelledCell parentCell(JsonNode node, Path path) {
    boolean hasPrototype = node.has("prototype");
    boolean hasPoscar = node.has("poscar");
    if (hasPrototype == hasPoscar) {
      throw error(path, "parent needs exactly one of 'prototype' or 'poscar'");
    }
    if (hasPoscar) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
        String k = it.next();
        if (!k.equals("poscar")) {
          throw error(path, "parent.poscar takes no further keys, found '" + k + "'");
        }
      }
      Path file = resolve(path, node.get("poscar").asText());
      Structure s = Poscar.read(file);
      return new Prototype.LabelledCell(s, s.species());
    }
    Prototype prototype;
    try {
      prototype = Prototype.named(node.get("prototype").asText());
    } catch (InvalidInputException e) {
      throw error(path, e.getMessage());
    }
    boolean primitive = false;
    Map<String, Double> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "prototype" -> { }
        case "cell" -> {
          String c = e.getValue().asText().toLowerCase(Locale.ROOT);
          if (!c.equals("primitive") && !c.equals("conventional")) {
            throw error(path, "parent.cell must be 'primitive' or 'conventional', got '" + c + "'");
          }
          primitive = c.equals("primitive");
        }
        default -> params.put(e.getKey(), number(e.getValue(), path, "parent." + e.getKey()));
      }
    }
    try {
      return prototype.build(params, primitive);
    } catch (InvalidInputException e) {
      throw error(path, e.getMessage());
    }
  }

  private static Path resolve(Path systemFile, String file) {
    Path p = Path.of(file);
    Path dir = systemFile.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p);
  }

  private static List<String> speciesList(JsonNode node, Path path, String key) {
    List<String> list = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> list.add(n.asText().trim()));
    } else if (node.isTextual()) {
      for (String s : node.asText().split("[,\\s]+")) {
        if (!s.isEmpty()) {
          list.add(s);
        }
      }
    }
    if (list.isEmpty() || list.stream().anyMatch(s -> !s.matches("[A-Za-z][A-Za-z0-9_]*"))) {
      throw error(path, key + " must list species names, e.g. [Co, Mn], found '" + node + "'");
    }
    return list;
  }

  private static int[][] supercellMatrix(JsonNode node, Path path) {
    try {
      if (node.isArray() && node.size() == 3 && node.get(0).isArray()) {
        int[][] m = new int[3][3];
        for (int i = 0; i < 3; i++) {
          JsonNode row = node.get(i);
          if (!row.isArray() || row.size() != 3) {
            throw error(path, "supercell matrix rows need three integers");
          }
          for (int j = 0; j < 3; j++) {
            if (!row.get(j).isIntegralNumber()) {
              throw error(path, "supercell matrix entries must be integers, found " + row.get(j));
            }
            m[i][j] = row.get(j).asInt();
          }
        }
        return m;
      }
      if (node.isArray() && node.size() == 3) {
        return Supercell.parseMatrix(node.get(0).asText() + "x" + node.get(1).asText() + "x"
            + node.get(2).asText());
      }
      return Supercell.parseMatrix(node.asText());
    } catch (InvalidInputException e) {
      throw e.getMessage().startsWith(path.toString()) ? e : error(path, e.getMessage());
    }
  }

  private static double number(JsonNode node, Path path, String key) {
    if (!node.isNumber()) {
      throw error(path, key + " must be a number, found '" + node.asText() + "'");
    }
    return node.asDouble();
  }

  private static InvalidInputException error(Path path, String what) {
    return new InvalidInputException(path + ": " + what);
  }
}
