package org.ordex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.YamlFiles;

/**
 * A study file ({@code study.yaml} in an example folder): the stages of a study, each one
 * ordex subcommand with its arguments, run in order by {@code ordex study}. Example:
 *
 * <pre>
 * name: GeSn2N4 spinel
 * description: what the study shows (free text)
 * paths:                       # folders/files the stages read; relative to this file,
 *   data: ../../../shared/data/gesn2n4-spinel-sod   # overridable with --set data=DIR
 * stages:
 *   - name: fit                # a word: the stage's folder in the report, ${fit} later on
 *     title: Cluster expansion fitted to the GGA energies
 *     run: ce fit ${study}/system.yaml --data ${import}/train.extxyz --cutoffs 8,6,5
 *          -o ${out}/ce.json   # ${out}: this stage's folder; "quotes" group words
 *     quick: {--cutoffs: "6,4.5"}   # option values replaced (or added) with --quick
 *     notes: text shown under the stage in the report
 *     headline:                # numbers taken from the subcommand's --json output
 *       - {label: CV RMSE, value: /fit/cvRmse, scale: 1000, unit: meV per primitive cell,
 *          digits: 2}
 * </pre>
 */
record StudyFile(Path file, String name, String description, Map<String, String> paths,
    List<Stage> stages) {
  private static final Set<String> TOP = Set.of("name", "description", "paths", "stages");
  private static final Set<String> STAGE = Set.of("name", "title", "run", "quick", "notes",
      "headline");
  private static final Set<String> HEADLINE = Set.of("label", "value", "scale", "unit",
      "digits");
  /** Variable names that are not stage names. */
  static final Set<String> RESERVED = Set.of("study", "out", "report");

  /** One stage: a subcommand's arguments (a template with ${…} variables). */
  record Stage(String name, String title, String notes, List<String> run,
      Map<String, String> quick, List<Headline> headline) {}

  /**
   * A number of the stage's JSON output shown in the report: a JSON pointer, multiplied by
   * scale, with a unit, rounded to digits after the point (negative: as printed).
   */
  record Headline(String label, String pointer, double scale, String unit, int digits) {}

  /** Reads a study file, or {@code study.yaml} in a folder. */
  static StudyFile read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve("study.yaml") : path;
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(path + ": no study file (expected a folder with "
          + "study.yaml, or a study file)");
    }
    JsonNode root = YamlFiles.read(file);
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(file + ": expected a YAML mapping with keys " + TOP);
    }
    keys(root, TOP, file, "");
    Map<String, String> paths = new LinkedHashMap<>();
    JsonNode p = root.path("paths");
    if (!p.isMissingNode()) {
      if (!p.isObject()) {
        throw error(file, "paths: expected a mapping NAME: PATH");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        checkName(e.getKey(), file, "paths");
        paths.put(e.getKey(), text(e.getValue(), file, "paths." + e.getKey()));
      }
    }
    JsonNode list = root.get("stages");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw error(file, "stages: expected a list of stages (name, run, …)");
    }
    List<Stage> stages = new ArrayList<>();
    Set<String> names = new HashSet<>(paths.keySet());
    for (JsonNode s : list) {
      Stage stage = stage(s, file, stages.size() + 1);
      if (!names.add(stage.name())) {
        throw error(file, "stage " + stage.name() + ": the name is used twice (stages and "
            + "paths share one namespace)");
      }
      stages.add(stage);
    }
    return new StudyFile(file, root.path("name").asText(file.getParent().getFileName()
        .toString()), root.path("description").asText(""), paths, stages);
  }

  private static Stage stage(JsonNode s, Path file, int number) {
    String where = "stages[" + number + "]";
    if (!s.isObject()) {
      throw error(file, where + ": expected a mapping with name and run");
    }
    keys(s, STAGE, file, where + ".");
    String name = text(s.get("name"), file, where + ".name");
    checkName(name, file, where + ".name");
    where = "stage " + name;
    JsonNode run = s.get("run");
    List<String> args = new ArrayList<>();
    if (run != null && run.isArray()) {
      for (JsonNode a : run) {
        args.add(text(a, file, where + ".run"));
      }
    } else {
      args.addAll(words(text(run, file, where + ".run"), file, where));
    }
    if (args.isEmpty()) {
      throw error(file, where + ": run is empty; expected a subcommand and its arguments");
    }
    Map<String, String> quick = new LinkedHashMap<>();
    JsonNode q = s.path("quick");
    if (!q.isMissingNode()) {
      if (!q.isObject()) {
        throw error(file, where + ".quick: expected a mapping --option: value");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().startsWith("-")) {
          throw error(file, where + ".quick: '" + e.getKey() + "' is not an option (--name)");
        }
        quick.put(e.getKey(), text(e.getValue(), file, where + ".quick." + e.getKey()));
      }
    }
    List<Headline> headline = new ArrayList<>();
    JsonNode h = s.path("headline");
    if (!h.isMissingNode()) {
      if (!h.isArray()) {
        throw error(file, where + ".headline: expected a list of {label, value, …}");
      }
      for (JsonNode x : h) {
        keys(x, HEADLINE, file, where + ".headline.");
        String pointer = text(x.get("value"), file, where + ".headline.value");
        if (!pointer.startsWith("/")) {
          throw error(file, where + ".headline.value '" + pointer + "': expected a JSON "
              + "pointer into the stage's output, e.g. /fit/cvRmse");
        }
        headline.add(new Headline(text(x.get("label"), file, where + ".headline.label"),
            pointer, x.path("scale").asDouble(1), x.path("unit").asText(""),
            x.path("digits").asInt(-1)));
      }
    }
    return new Stage(name, s.path("title").asText(name), s.path("notes").asText(""), args,
        quick, headline);
  }

  /** Splits a command line into words: white space separates, "…" or '…' group. */
  static List<String> words(String line, Path file, String where) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw error(file, where + ".run: unclosed quote " + quote);
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

  private static void keys(JsonNode node, Set<String> allowed, Path file, String where) {
    if (!node.isObject()) {
      throw error(file, where + ": expected a mapping with keys " + allowed);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw error(file, where + k + ": unknown key; expected one of " + allowed);
      }
    }
  }

  private static void checkName(String name, Path file, String where) {
    if (!name.matches("[A-Za-z][A-Za-z0-9_-]*") || RESERVED.contains(name)) {
      throw error(file, where + ": '" + name + "' is not a valid name (a letter, then "
          + "letters, digits, - or _; not " + RESERVED + ")");
    }
  }

  private static String text(JsonNode node, Path file, String where) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      throw error(file, where + ": expected a value");
    }
    return node.asText();
  }

  private static InvalidInputException error(Path file, String what) {
    return new InvalidInputException(file + ": " + what);
  }
}
