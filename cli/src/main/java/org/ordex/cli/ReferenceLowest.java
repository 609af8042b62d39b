package org.ordex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ordex.lattice.InvalidInputException;

/**
 * The exact lowest energy of each composition of an enumeration run directory (its
 * {@code summary.json}), for checking a search against it: per composition label the
 * supercell, the lowest energy (eV per supercell) and its id.
 */
record ReferenceLowest(Path run, String supercell, Map<String, Entry> byComposition) {
  /** One composition's lowest arrangement. */
  record Entry(double energy, String id) {}

  /** Reads {@code RUN/summary.json}; complete compositions only. */
  static ReferenceLowest read(Path run, String option) {
    Path file = run.resolve("summary.json");
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(option + " " + run + ": not an enumeration run "
          + "directory (no summary.json)");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException(option + " " + file + ": not readable JSON ("
          + e.getMessage() + ")");
    }
    Map<String, Entry> lowest = new HashMap<>();
    for (JsonNode c : root.path("compositions")) {
      JsonNode low = c.get("lowest");
      if (c.path("complete").asBoolean() && low != null) {
        lowest.put(c.get("composition").asText(), new Entry(low.get("energy").asDouble(),
            low.get("id").asText()));
      }
    }
    return new ReferenceLowest(run, root.path("supercell").asText(), lowest);
  }
}
