package org.ordex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ordex.lattice.AtomicFiles;

/**
 * What a study stage did, kept as {@code stage.json} in its folder: the resolved arguments,
 * the files they name outside the report with their SHA-256 ({@link StageInputs}), the exit
 * code ({@value #RUNNING} while it runs), the wall time and when it started. A stage whose
 * record shows the same arguments, the same input files and exit code 0 is not run again (its
 * output is reused).
 */
record StageRecord(List<String> args, SortedMap<String, String> inputs, int exitCode,
    double seconds, String started, boolean reused) {
  static final String FILE = "stage.json";
  /** The exit code recorded while a stage runs (so a killed stage is known as such). */
  static final int RUNNING = -1;

  /** The record in a stage folder, or null when there is none (or it is unreadable). */
  static StageRecord read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode n = Json.MAPPER.readTree(file.toFile());
      List<String> args = new ArrayList<>();
      n.path("args").forEach(a -> args.add(a.asText()));
      SortedMap<String, String> inputs = new TreeMap<>();
      n.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(),
          e.getValue().asText()));
      return new StageRecord(args, inputs, n.path("exitCode").asInt(-1),
          n.path("seconds").asDouble(), n.path("started").asText(""), false);
    } catch (IOException e) {
      return null;
    }
  }

  void write(Path folder) {
    ObjectNode n = Json.object();
    ArrayNode a = n.putArray("args");
    args.forEach(a::add);
    ObjectNode in = n.putObject("inputs");
    inputs.forEach(in::put);
    n.put("exitCode", exitCode);
    n.put("seconds", seconds);
    n.put("started", started);
    AtomicFiles.writeString(folder.resolve(FILE), Json.write(n) + "\n");
  }

  /** The same record, marked as reused by a later study run. */
  StageRecord asReused() {
    return new StageRecord(args, inputs, exitCode, seconds, started, true);
  }
}
