package org.ordex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.ChunkPlan;
import org.ordex.enumeration.DensityOfStates;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;

/**
 * The parameters of an enumeration run, as stored in its directory ({@code run.json}): the
 * system file (path and SHA-256), supercell override, compositions, model (path, SHA-256,
 * species, description), mode, temperature grid, bin width, K lowest, chunk size and shard.
 * Everything but the shard must agree to resume a run or to merge shards. Immutable.
 */
record EnumerationRun(Path system, String systemSha256, String supercell, String compositions,
    Path model, String modelSha256, String modelSpecies, String modelDescription,
    boolean distinct, double[] temperatures, int lowest, long chunkSize, String shard) {

  static final String FORMAT = "ordex-enumeration";

  /** The temperature of the grid's lowest point, which fixes the energy bin width. */
  double minTemperature() {
    double t = Double.POSITIVE_INFINITY;
    for (double x : temperatures) {
      t = Math.min(t, x);
    }
    return t;
  }

  double binWidth() {
    return DensityOfStates.binWidthFor(minTemperature());
  }

  /** The system as given (with the supercell override). */
  SystemSpec loadSystem() {
    if (!Files.isRegularFile(system)) {
      throw new InvalidInputException("the run's system file " + system + " is missing");
    }
    if (!FileDigest.sha256(system).equals(systemSha256)) {
      throw new InvalidInputException("the system file " + system + " changed since the run "
          + "was started (SHA-256 differs)");
    }
    return Systems.load(system, supercell);
  }

  /** The compositions' arrangement spaces in the system's supercell. */
  List<ArrangementSpace> spaces(SystemSpec s) {
    return CompositionOptions.spaces(compositions, s.supercell());
  }

  ChunkPlan plan(List<ArrangementSpace> spaces) {
    return ChunkPlan.of(spaces, chunkSize);
  }

  /** The same run with another shard label. */
  EnumerationRun withShard(String label) {
    return new EnumerationRun(system, systemSha256, supercell, compositions, model, modelSha256,
        modelSpecies, modelDescription, distinct, temperatures, lowest, chunkSize, label);
  }

  /** The JSON form; {@code run.json}. */
  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("format", FORMAT);
    o.put("version", 1);
    o.put("system", system.toString());
    o.put("systemSha256", systemSha256);
    o.put("supercell", supercell);
    o.put("compositions", compositions);
    o.put("model", model.toString());
    o.put("modelSha256", modelSha256);
    o.put("modelSpecies", modelSpecies);
    o.put("modelDescription", modelDescription);
    o.put("distinct", distinct);
    ArrayNode t = o.putArray("temperatures");
    for (double x : temperatures) {
      t.add(x);
    }
    o.put("binWidthEV", binWidth());
    o.put("lowest", lowest);
    o.put("chunkSize", chunkSize);
    o.put("shard", shard);
    return o;
  }

  /** Reads {@code run.json}; a malformed file is bad input. */
  static EnumerationRun read(Path file) {
    JsonNode o;
    try {
      o = Json.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + " (" + e.getMessage() + ")");
    }
    if (o == null || !FORMAT.equals(o.path("format").asText()) || o.path("version").asInt() != 1) {
      throw new InvalidInputException(file + " is not an ordex enumeration run (format "
          + FORMAT + " version 1)");
    }
    try {
      JsonNode t = o.get("temperatures");
      double[] temps = new double[t.size()];
      for (int i = 0; i < temps.length; i++) {
        temps[i] = t.get(i).asDouble();
      }
      return new EnumerationRun(Path.of(o.get("system").asText()),
          o.get("systemSha256").asText(), text(o, "supercell"), o.get("compositions").asText(),
          Path.of(o.get("model").asText()), o.get("modelSha256").asText(),
          text(o, "modelSpecies"), o.get("modelDescription").asText(),
          o.get("distinct").asBoolean(), temps, o.get("lowest").asInt(),
          o.get("chunkSize").asLong(), o.get("shard").asText());
    } catch (NullPointerException e) {
      throw new InvalidInputException(file + ": a key of the run is missing");
    }
  }

  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Whether two runs enumerate the same thing (all parameters but the shard agree). */
  boolean sameWorkAs(EnumerationRun other) {
    ObjectNode a = toJson();
    ObjectNode b = other.toJson();
    a.remove("shard");
    b.remove("shard");
    return a.equals(b);
  }

}
