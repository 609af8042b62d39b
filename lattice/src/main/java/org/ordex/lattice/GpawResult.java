package org.ordex.lattice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON written by ordex's GPAW adapter ({@code examples/dft/gpaw_energy.py}, format
 * {@code ordex-gpaw-result/1}): energy (eV per cell, extrapolated to zero smearing), the
 * structure as computed, final moments per atom, convergence, iterations, wall time and
 * settings (kept flat in the info map, e.g. {@code settings.xc = PBE}).
 */
public final class GpawResult {
  /** The format tag of the adapter's output. */
  public static final String FORMAT = "ordex-gpaw-result/1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GpawResult() {}

  /** Reads an adapter result; a malformed file or one without a final energy is bad input. */
  public static DftResult read(Path path) {
    return parse(Text.read(path), path.toString());
  }

  /** Parses adapter JSON; {@code name} is used in messages. */
  public static DftResult parse(String text, String name) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(name + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException(name + ": not a GPAW adapter result (expected \"format\": \""
          + FORMAT + "\")");
    }
    boolean converged = root.path("converged").asBoolean(false);
    if (!converged) {
      throw new InvalidInputException(name + ": no final energy ("
          + root.path("error").asText("SCF not converged") + ")");
    }
    JsonNode e = root.get("energy_eV");
    if (e == null || !e.isNumber()) {
      throw new InvalidInputException(name + ": no final energy (energy_eV missing)");
    }
    Structure s = structure(root, name);
    double[] magmoms = null;
    if (root.path("magmoms").isArray()) {
      magmoms = new double[root.get("magmoms").size()];
      for (int i = 0; i < magmoms.length; i++) {
        magmoms[i] = root.get("magmoms").get(i).asDouble();
      }
      if (magmoms.length != s.size()) {
        throw new InvalidInputException(name + ": " + magmoms.length + " moments for "
            + s.size() + " atoms");
      }
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("iterations", root.path("iterations").asText());
    flatten("settings", root.path("settings"), info);
    flatten("versions", root.path("versions"), info);
    return new DftResult("GPAW", e.asDouble(), s, magmoms,
        root.path("magmom_total").asDouble(Double.NaN), true,
        root.path("wall_time_s").asDouble(Double.NaN), info);
  }

  private static Structure structure(JsonNode root, String name) {
    JsonNode cell = root.path("cell_A");
    JsonNode pos = root.path("positions_A");
    JsonNode species = root.path("species");
    if (cell.size() != 3 || !pos.isArray() || pos.size() != species.size() || pos.isEmpty()) {
      throw new InvalidInputException(name + ": cell_A, positions_A and species must describe "
          + "the structure");
    }
    double[][] rows = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        rows[i][k] = cell.get(i).get(k).asDouble();
      }
    }
    double[][] cart = new double[pos.size()][3];
    String[] names = new String[pos.size()];
    for (int i = 0; i < cart.length; i++) {
      for (int k = 0; k < 3; k++) {
        cart[i][k] = pos.get(i).get(k).asDouble();
      }
      names[i] = species.get(i).asText();
    }
    return Structure.fromCartesian(Lattice.of(rows), cart, names,
        new boolean[] {true, true, true});
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> flatten(prefix + "." + f.getKey(), f.getValue(), out));
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
    }
  }
}
