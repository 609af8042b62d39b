package org.ordex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ordex.lattice.AtomicFiles;

/**
 * What happened to one calculation folder, kept in {@code FOLDER/ordex-run.json}: its state
 * ({@code running}, {@code done} or {@code failed}), the reason of a failure, the command's
 * exit code (or -1) and the wall time in seconds. A folder left {@code running} by a killed
 * runner counts as not run.
 */
record RunRecord(String id, State state, String reason, int exitCode, double seconds,
    String command, String finished) {
  static final String FILE_NAME = "ordex-run.json";

  /** The state of a calculation folder. */
  enum State { RUNNING, DONE, FAILED }

  /** The record in {@code folder}, or null when there is none (or it is unreadable). */
  static RunRecord read(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode n = Json.MAPPER.readTree(Files.readString(file));
      return new RunRecord(n.path("id").asText(), State.valueOf(n.path("state").asText()
          .toUpperCase(java.util.Locale.ROOT)), n.path("reason").asText(""),
          n.path("exitCode").asInt(-1), n.path("wallTimeSeconds").asDouble(Double.NaN),
          n.path("command").asText(""), n.path("finished").asText(""));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
    if (!reason.isEmpty()) {
      o.put("reason", reason);
    }
    o.put("exitCode", exitCode);
    o.put("wallTimeSeconds", Math.round(seconds * 100) / 100.0);
    o.put("command", command);
    o.put("finished", finished);
    return o;
  }

  void write(Path folder) {
    AtomicFiles.writeString(folder.resolve(FILE_NAME), Json.write(toJson()) + "\n");
  }
}
