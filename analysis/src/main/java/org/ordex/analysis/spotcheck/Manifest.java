package org.ordex.analysis.spotcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Text;

/**
 * The list of arrangements of a DFT spot-check ({@code manifest.json}): for each one its id,
 * the folder its calculation runs in (relative to the manifest), formula, atom count, and
 * why it was chosen with the model's prediction (eV per cell, NaN when none). Written by
 * {@code spotcheck select} and {@code export}, read by {@code run}, {@code ingest} and
 * {@code report}. Immutable.
 */
public record Manifest(String system, String model, List<Entry> entries) {
  /** The format tag written into every manifest. */
  public static final String FORMAT = "ordex-spotcheck-manifest/1";
  /** The file name of the manifest inside a spot-check folder. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One arrangement: {@code predicted} is the model's energy in eV per cell (NaN when
   * none), {@code grade} its extrapolation grade (NaN when none), {@code reasons} why it was
   * chosen, {@code info} further key/value data (composition, occupancy, multiplicity, …).
   */
  public record Entry(String id, String folder, String formula, int atoms,
      List<String> reasons, double predicted, double grade, Map<String, String> info) {
    public Entry {
      reasons = List.copyOf(reasons);
      info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }
  }

  public Manifest {
    entries = List.copyOf(entries);
    Set<String> ids = new HashSet<>();
    Set<String> folders = new HashSet<>();
    for (Entry e : entries) {
      if (!ids.add(e.id())) {
        throw new InvalidInputException("manifest: duplicate id '" + e.id() + "'");
      }
      if (!folders.add(e.folder())) {
        throw new InvalidInputException("manifest: two entries share the folder '"
            + e.folder() + "'");
      }
    }
  }

  /** The entry with this id, or null. */
  public Entry entry(String id) {
    for (Entry e : entries) {
      if (e.id().equals(id)) {
        return e;
      }
    }
    return null;
  }

  /** Reads a manifest; a missing or malformed file is bad input naming the file. */
  public static Manifest read(Path path) {
    String text = Text.read(path);
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(path + ": not valid JSON ("
          + e.getOriginalMessage() + ")");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException(path + ": not an ordex spot-check manifest (expected "
          + "\"format\": \"" + FORMAT + "\")");
    }
    JsonNode list = root.path("entries");
    if (!list.isArray()) {
      throw new InvalidInputException(path + ": \"entries\" must be a list");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode n : list) {
      String id = n.path("id").asText("");
      if (id.isEmpty() || !isSafeName(id)) {
        throw new InvalidInputException(path + ": entry " + (entries.size() + 1)
            + " needs an \"id\" made of letters, digits, '.', '_' or '-', found '" + id + "'");
      }
      String folder = n.path("folder").asText(id);
      if (!isSafeName(folder)) {
        throw new InvalidInputException(path + ": entry " + id + ": folder '" + folder
            + "' must be a plain name inside the spot-check folder");
      }
      List<String> reasons = new ArrayList<>();
      n.path("reasons").forEach(r -> reasons.add(r.asText()));
      Map<String, String> info = new LinkedHashMap<>();
      n.path("info").fields().forEachRemaining(f -> info.put(f.getKey(), f.getValue().asText()));
      entries.add(new Entry(id, folder, n.path("formula").asText(""), n.path("atoms").asInt(0),
          reasons, number(n.get("predicted")), number(n.get("grade")), info));
    }
    return new Manifest(root.path("system").asText(""), root.path("model").asText(""),
        entries);
  }

  /** True for a name usable as a folder: letters, digits, '.', '_', '-' (not '.' or '..'). */
  public static boolean isSafeName(String s) {
    return s.matches("[A-Za-z0-9._-]+") && !s.equals(".") && !s.equals("..");
  }

  private static double number(JsonNode n) {
    return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
  }

  /** The manifest as a JSON document. */
  public ObjectNode toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("system", system);
    root.put("model", model);
    root.put("energyUnit", "eV per cell (predicted)");
    ArrayNode list = root.putArray("entries");
    for (Entry e : entries) {
      ObjectNode o = list.addObject();
      o.put("id", e.id());
      o.put("folder", e.folder());
      o.put("formula", e.formula());
      o.put("atoms", e.atoms());
      ArrayNode r = o.putArray("reasons");
      e.reasons().forEach(r::add);
      if (!Double.isNaN(e.predicted())) {
        o.put("predicted", e.predicted());
      }
      if (!Double.isNaN(e.grade())) {
        o.put("grade", e.grade());
      }
      ObjectNode info = o.putObject("info");
      e.info().forEach(info::put);
    }
    return root;
  }

  /** Writes the manifest atomically. */
  public void write(Path path) {
    try {
      AtomicFiles.writeString(path, MAPPER.writeValueAsString(toJson()) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
