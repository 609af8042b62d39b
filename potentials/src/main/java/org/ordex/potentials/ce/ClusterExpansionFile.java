package org.ordex.potentials.ce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Lattice;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Structure;
import org.ordex.lattice.Text;

/**
 * The cluster expansion file (JSON). Example (abridged):
 *
 * <pre>
 * {
 *   "format": "ordex-cluster-expansion",
 *   "version": 1,
 *   "energy": "eV per primitive cell = sum over functions of multiplicity * eci * correlation",
 *   "parent": {
 *     "lattice": [[8.0835, 0, 0], [0, 8.0835, 0], [0, 0, 8.0835]],   // rows, Å
 *     "tolerance": 0.01,                                           // symmetry tolerance, Å
 *     "primitiveCells": 4,                                         // per parent cell
 *     "sites": [ {"label": "8a", "position": [0.125, 0.125, 0.125], "allowed": ["Co", "Mn"]},
 *                … one per site, fractional positions … ]
 *   },
 *   "basis": "trigonometric",
 *   "cutoffs": [6.0, 4.5],                                         // Å: pairs, triplets, …
 *   "functions": [
 *     {"index": 0, "orbit": 0, "order": 0, "multiplicity": 1, "maxDistance": 0, "radius": 0,
 *      "sublattices": [], "cluster": [], "decoration": [], "eci": -12.3},
 *     {"index": 3, "orbit": 3, "order": 2, "multiplicity": 6, "maxDistance": 2.858,
 *      "radius": 1.429, "sublattices": ["16d", "16d"],
 *      "cluster": [[8, 0, 0, 0], [9, 0, 0, 0]], "decoration": [1, 1], "eci": 0.0123},
 *     …
 *   ],
 *   "metadata": { … }                           // optional: fit report, description, …
 * }
 * </pre>
 *
 * One entry per correlation function, in the order of {@link ClusterSpace#functions()}:
 * {@code cluster} is the orbit's representative as rows {@code [site, n1, n2, n3]} (parent site
 * in parent cell n), {@code decoration} the point-function index per site ({@link SiteBasis}).
 * Reading rebuilds the cluster space from the parent and the cutoffs and checks every entry
 * against it; only {@code eci} is taken from the entries. {@code metadata} is kept as is.
 */
public final class ClusterExpansionFile {
  /** The value of the {@code format} key. */
  public static final String FORMAT = "ordex-cluster-expansion";
  static final int VERSION = 1;
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ClusterExpansionFile() {}

  /** The JSON document of a cluster expansion. */
  public static ObjectNode toJson(ClusterExpansion ce) {
    ClusterSpace space = ce.space();
    ParentLattice parent = space.parent();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("energy", "eV per primitive cell = sum over functions of multiplicity * eci * "
        + "correlation");
    ObjectNode p = root.putObject("parent");
    ArrayNode lattice = p.putArray("lattice");
    for (double[] row : parent.structure().lattice().matrix()) {
      ArrayNode r = lattice.addArray();
      for (double x : row) {
        r.add(x);
      }
    }
    p.put("tolerance", parent.tolerance());
    p.put("primitiveCells", space.primitiveCellsPerParentCell());
    ArrayNode sites = p.putArray("sites");
    for (int i = 0; i < parent.size(); i++) {
      ObjectNode s = sites.addObject();
      s.put("label", parent.label(i));
      ArrayNode pos = s.putArray("position");
      for (double x : parent.structure().fractional(i)) {
        pos.add(x);
      }
      ArrayNode allowed = s.putArray("allowed");
      for (int sp : parent.allowed(i)) {
        allowed.add(parent.species().get(sp));
      }
    }
    root.put("basis", "trigonometric");
    ArrayNode cutoffs = root.putArray("cutoffs");
    for (double c : space.cutoffs()) {
      cutoffs.add(c);
    }
    ArrayNode fns = root.putArray("functions");
    double[] ecis = ce.ecis();
    for (CorrelationFunction f : space.functions()) {
      Orbit o = f.orbit();
      ObjectNode e = fns.addObject();
      e.put("index", f.index());
      e.put("orbit", o.index());
      e.put("order", o.order());
      e.put("multiplicity", o.multiplicity());
      e.put("maxDistance", round(o.maxDistance()));
      e.put("radius", round(o.radius()));
      ArrayNode subs = e.putArray("sublattices");
      ArrayNode cluster = e.putArray("cluster");
      for (int[] pt : o.representative()) {
        subs.add(parent.sublatticeOf(pt[0]).label());
        ArrayNode r = cluster.addArray();
        for (int x : pt) {
          r.add(x);
        }
      }
      ArrayNode dec = e.putArray("decoration");
      for (int n : f.decoration()) {
        dec.add(n);
      }
      e.put("eci", ecis[f.index()]);
    }
    if (!ce.metadata().isEmpty()) {
      root.set("metadata", MAPPER.valueToTree(ce.metadata()));
    }
    return root;
  }

  private static double round(double x) {
    return Math.rint(x * 1e6) / 1e6;
  }

  /** Writes the file atomically. */
  public static void write(Path path, ClusterExpansion ce) {
    try {
      AtomicFiles.writeString(path, MAPPER.writeValueAsString(toJson(ce)) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads and checks a file; every problem is bad input naming the file and the key. */
  public static ClusterExpansion read(Path path) {
    String text = Text.read(path);
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(path + ": not valid JSON (" + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")");
    }
    return parse(root, path.toString());
  }

  /** Parses a JSON document; {@code name} is used in error messages. */
  public static ClusterExpansion parse(JsonNode root, String name) {
    Reader in = new Reader(name);
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException(name + ": not an ordex cluster expansion (expected a "
          + "JSON object with \"format\": \"" + FORMAT + "\")");
    }
    int version = in.integer(root, "version");
    if (version != VERSION) {
      throw in.error("version", "version " + version + " is not supported (expected "
          + VERSION + ")");
    }
    ParentLattice parent = parent(in, in.object(root, "parent"));
    double[] cutoffs = in.numbers(root, "cutoffs");
    ClusterSpace space;
    try {
      space = ClusterSpace.of(parent, cutoffs);
    } catch (InvalidInputException e) {
      throw in.error("cutoffs", e.getMessage());
    }
    JsonNode parentNode = root.get("parent");
    if (parentNode.has("primitiveCells")
        && in.integer(parentNode, "primitiveCells") != space.primitiveCellsPerParentCell()) {
      throw in.error("parent.primitiveCells", "the space group found from the parent has "
          + space.primitiveCellsPerParentCell() + " primitive cells per parent cell");
    }
    if (root.has("basis") && !"trigonometric".equals(root.get("basis").asText())) {
      throw in.error("basis", "only the trigonometric basis is supported");
    }
    JsonNode fns = root.get("functions");
    if (fns == null || !fns.isArray()) {
      throw in.error("functions", "expected an array of correlation functions");
    }
    if (fns.size() != space.size()) {
      throw in.error("functions", fns.size() + " entries, but the parent and cutoffs give "
          + space.size() + " correlation functions");
    }
    double[] ecis = new double[space.size()];
    for (CorrelationFunction f : space.functions()) {
      JsonNode e = fns.get(f.index());
      String key = "functions[" + f.index() + "]";
      int[][] cluster = in.intRows(e, "cluster", key);
      int[] decoration = in.ints(e, "decoration", key);
      if (!Arrays.deepEquals(cluster, f.orbit().representative())
          || !Arrays.equals(decoration, f.decoration())) {
        throw in.error(key, "cluster " + Arrays.deepToString(cluster) + " with decoration "
            + Arrays.toString(decoration) + " does not match the cluster space of the parent "
            + "and cutoffs, which has " + Arrays.deepToString(f.orbit().representative())
            + " with " + Arrays.toString(f.decoration()) + " here");
      }
      ecis[f.index()] = in.number(e, "eci", key);
    }
    Map<String, Object> metadata = Map.of();
    if (root.has("metadata")) {
      JsonNode node = root.get("metadata");
      if (!node.isObject()) {
        throw in.error("metadata", "expected an object");
      }
      metadata = MAPPER.convertValue(node, MAPPER.getTypeFactory()
          .constructMapType(java.util.LinkedHashMap.class, String.class, Object.class));
    }
    return ClusterExpansion.of(space, ecis, metadata);
  }

  private static ParentLattice parent(Reader in, JsonNode p) {
    JsonNode latticeNode = p.get("lattice");
    if (latticeNode == null || !latticeNode.isArray() || latticeNode.size() != 3) {
      throw in.error("parent.lattice", "expected three lattice vectors (rows, Å)");
    }
    double[][] rows = new double[3][];
    for (int i = 0; i < 3; i++) {
      rows[i] = in.vector(latticeNode.get(i), 3, "parent.lattice[" + i + "]");
    }
    Lattice lattice;
    try {
      lattice = Lattice.of(rows);
    } catch (InvalidInputException e) {
      throw in.error("parent.lattice", e.getMessage());
    }
    double tolerance = p.has("tolerance") ? in.number(p, "tolerance", "parent")
        : org.ordex.lattice.SpaceGroup.DEFAULT_TOLERANCE;
    JsonNode sites = p.get("sites");
    if (sites == null || !sites.isArray() || sites.isEmpty()) {
      throw in.error("parent.sites", "expected an array of sites");
    }
    int n = sites.size();
    double[][] positions = new double[n][];
    String[] labels = new String[n];
    String[] species = new String[n];
    List<List<String>> allowed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = "parent.sites[" + i + "]";
      JsonNode s = sites.get(i);
      positions[i] = in.vector(s.get("position"), 3, key + ".position");
      labels[i] = s.path("label").asText("site" + i);
      JsonNode a = s.get("allowed");
      if (a == null || !a.isArray() || a.isEmpty()) {
        throw in.error(key + ".allowed", "expected a list of species names");
      }
      List<String> names = new ArrayList<>();
      a.forEach(x -> names.add(x.asText()));
      allowed.add(names);
      species[i] = names.get(0);
    }
    try {
      return ParentLattice.of(Structure.of(lattice, positions, species), labels, allowed,
          tolerance);
    } catch (InvalidInputException e) {
      throw in.error("parent", e.getMessage());
    }
  }

  /** Typed access to JSON values with messages naming the file and key. */
  private record Reader(String name) {
    InvalidInputException error(String key, String what) {
      return new InvalidInputException(name + ": " + key + ": " + what);
    }

    JsonNode object(JsonNode node, String key) {
      JsonNode v = node.get(key);
      if (v == null || !v.isObject()) {
        throw error(key, "expected an object");
      }
      return v;
    }

    int integer(JsonNode node, String key) {
      JsonNode v = node.get(key);
      if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
        throw error(key, "expected an integer");
      }
      return v.intValue();
    }

    double number(JsonNode node, String key, String where) {
      JsonNode v = node == null ? null : node.get(key);
      if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
        throw error(where + "." + key, "expected a number");
      }
      return v.doubleValue();
    }

    double[] numbers(JsonNode node, String key) {
      JsonNode v = node.get(key);
      if (v == null || !v.isArray()) {
        throw error(key, "expected an array of numbers");
      }
      double[] x = new double[v.size()];
      for (int i = 0; i < x.length; i++) {
        if (!v.get(i).isNumber()) {
          throw error(key, "expected an array of numbers, found " + v.get(i));
        }
        x[i] = v.get(i).doubleValue();
      }
      return x;
    }

    double[] vector(JsonNode v, int n, String key) {
      if (v == null || !v.isArray() || v.size() != n) {
        throw error(key, "expected " + n + " numbers");
      }
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        if (!v.get(i).isNumber()) {
          throw error(key, "expected " + n + " numbers, found " + v);
        }
        x[i] = v.get(i).doubleValue();
      }
      return x;
    }

    int[] ints(JsonNode node, String key, String where) {
      JsonNode v = node == null ? null : node.get(key);
      if (v == null || !v.isArray()) {
        throw error(where + "." + key, "expected an array of integers");
      }
      int[] x = new int[v.size()];
      for (int i = 0; i < x.length; i++) {
        if (!v.get(i).isIntegralNumber()) {
          throw error(where + "." + key, "expected an array of integers, found " + v);
        }
        x[i] = v.get(i).intValue();
      }
      return x;
    }

    int[][] intRows(JsonNode node, String key, String where) {
      JsonNode v = node == null ? null : node.get(key);
      if (v == null || !v.isArray()) {
        throw error(where + "." + key, "expected an array of [site, n1, n2, n3] rows");
      }
      int[][] rows = new int[v.size()][];
      for (int i = 0; i < rows.length; i++) {
        ObjectNode wrapper = MAPPER.createObjectNode();
        wrapper.set("row", v.get(i));
        rows[i] = ints(wrapper, "row", where + "." + key + "[" + i + "]");
      }
      return rows;
    }
  }
}
