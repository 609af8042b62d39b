package org.ordex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ordex.lattice.AtomicFiles;
import picocli.CommandLine.Command;

/**
 * The report of a study: {@code index.html} and {@code report.md} (the same content) and
 * {@code study.json}, written from the stages' own outputs — their {@code --json} results
 * ({@value #RESULT}), the plots (PNG, with the SVG beside) and CSV tables in their folders —
 * with the settings, the wall time of every stage and the versions of ordex, Java and the
 * checkout.
 */
final class StudyReport {
  static final String RESULT = "result.json";
  private static final int PREVIEW_ROWS = 8;
  private static final int PREVIEW_COLUMNS = 10;

  private final StudyFile study;
  private final Path folder;
  private final boolean quick;
  private final Map<String, String> variables;
  private final Map<String, String> environment;
  private final List<StudyFile.Stage> stages = new ArrayList<>();
  private final List<StageRecord> records = new ArrayList<>();

  /** One headline number as shown: its stage, label and text (or why it is missing). */
  record Shown(String stage, String label, JsonNode value, String text) {}

  StudyReport(StudyFile study, Path folder, boolean quick, Map<String, String> variables) {
    this.study = study;
    this.folder = folder;
    this.quick = quick;
    this.variables = variables;
    this.environment = environment(study.file().toAbsolutePath().getParent());
  }

  /** Adds a stage that ran (or was reused). */
  void add(StudyFile.Stage stage, StageRecord record) {
    stages.add(stage);
    records.add(record);
  }

  double totalSeconds() {
    return records.stream().mapToDouble(StageRecord::seconds).sum();
  }

  /** Writes index.html, report.md and study.json. */
  void write() {
    AtomicFiles.writeString(folder.resolve("study.json"), Json.write(toJson()) + "\n");
    AtomicFiles.writeString(folder.resolve("index.html"), html());
    AtomicFiles.writeString(folder.resolve("report.md"), markdown());
    copyStudyFile();
  }

  /** The study's record: settings, versions, stages with timings, headline numbers. */
  ObjectNode toJson() {
    ObjectNode root = Json.object();
    root.put("study", study.name());
    root.put("file", study.file().toString());
    root.put("report", folder.toString());
    root.put("quick", quick);
    root.set("paths", Json.MAPPER.valueToTree(variables));
    root.set("environment", Json.MAPPER.valueToTree(environment));
    ArrayNode list = root.putArray("stages");
    for (int i = 0; i < stages.size(); i++) {
      StageRecord r = records.get(i);
      ObjectNode o = list.addObject();
      o.put("name", stages.get(i).name());
      o.put("title", stages.get(i).title());
      ArrayNode args = o.putArray("args");
      r.args().forEach(args::add);
      o.put("exitCode", r.exitCode());
      o.put("seconds", r.seconds());
      o.put("started", r.started());
      o.put("reused", r.reused());
    }
    root.put("totalSeconds", totalSeconds());
    ArrayNode h = root.putArray("headlines");
    for (Shown s : headlines()) {
      ObjectNode o = h.addObject();
      o.put("stage", s.stage());
      o.put("label", s.label());
      o.set("value", s.value());
      o.put("text", s.text());
    }
    return root;
  }

  /** The headline numbers of every stage that succeeded, in order. */
  List<Shown> headlines() {
    List<Shown> out = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      StudyFile.Stage s = stages.get(i);
      if (records.get(i).exitCode() != 0 || s.headline().isEmpty()) {
        continue;
      }
      JsonNode result = result(s.name());
      for (StudyFile.Headline h : s.headline()) {
        out.add(shown(s.name(), h, result));
      }
    }
    return out;
  }

  private static Shown shown(String stage, StudyFile.Headline h, JsonNode result) {
    JsonNode v = result == null ? null : result.at(h.pointer());
    if (v == null || v.isMissingNode() || v.isNull()) {
      return new Shown(stage, h.label(), null, "(no value at " + h.pointer() + " in "
          + stage + "/" + RESULT + ")");
    }
    String text;
    if (v.isNumber()) {
      double x = v.asDouble() * h.scale();
      text = h.digits() >= 0 ? String.format(Locale.ROOT, "%." + h.digits() + "f", x)
          : h.scale() == 1 ? v.asText() : Double.toString(x);
    } else {
      text = v.isValueNode() ? v.asText() : v.toString();
    }
    return new Shown(stage, h.label(), v, h.unit().isEmpty() ? text : text + " " + h.unit());
  }

  private JsonNode result(String stage) {
    Path f = folder.resolve(stage).resolve(RESULT);
    try {
      return Files.isRegularFile(f) ? Json.MAPPER.readTree(f.toFile()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The command of a stage as written in the study file (quick values applied). */
  private String command(StudyFile.Stage s) {
    List<String> args = new ArrayList<>(s.run());
    if (quick) {
      s.quick().forEach((o, v) -> StudyCommand.override(args, o, v));
    }
    List<String> quoted = new ArrayList<>();
    for (String a : args) {
      quoted.add(a.isEmpty() || a.chars().anyMatch(Character::isWhitespace) ? '"' + a + '"' : a);
    }
    return "ordex " + String.join(" ", quoted);
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  private String status(StageRecord r) {
    return r.exitCode() == 0 ? (r.reused() ? "done (reused; time of the run that made it)"
        : "done") : "failed, exit code " + r.exitCode() + " (see log.txt)";
  }

  // ---------------------------------------------------------------- HTML

  private String html() {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(esc(study.name())).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
            + "line-height:1.4}\ntable{border-collapse:collapse;margin:.5em 0}\n"
            + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%;text-align:left}\n"
            + "code,pre{background:#f4f4f4;font-size:88%}\npre{padding:.5em;overflow-x:auto;"
            + "white-space:pre-wrap}\nimg{max-width:100%;border:1px solid #ddd}\n"
            + ".fail{color:#b00}\n</style></head><body>\n");
    b.append("<h1>").append(esc(study.name())).append("</h1>\n");
    paragraphs(b, study.description());
    if (quick) {
      b.append("<p><b>Quick mode</b>: reduced settings (each stage's <code>quick</code> "
          + "values); not the study's results.</p>\n");
    }
    b.append("<h2>Headline numbers</h2>\n<table><tr><th>stage</th><th>quantity</th>"
        + "<th>value</th></tr>\n");
    for (Shown s : headlines()) {
      b.append("<tr><td><a href=\"#").append(s.stage()).append("\">").append(s.stage())
          .append("</a></td><td>").append(esc(s.label())).append("</td><td>")
          .append(esc(s.text())).append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Stages and timings</h2>\n<table><tr><th>stage</th><th>what</th>"
        + "<th>wall time</th><th>status</th></tr>\n");
    for (int i = 0; i < stages.size(); i++) {
      StageRecord r = records.get(i);
      b.append("<tr><td><a href=\"#").append(stages.get(i).name()).append("\">")
          .append(stages.get(i).name()).append("</a></td><td>")
          .append(esc(stages.get(i).title())).append("</td><td>").append(seconds(r.seconds()))
          .append("</td><td").append(r.exitCode() == 0 ? ">" : " class=\"fail\">")
          .append(esc(status(r))).append("</td></tr>\n");
    }
    b.append("<tr><td colspan=\"2\"><b>total</b></td><td><b>").append(seconds(totalSeconds()))
        .append("</b></td><td></td></tr>\n</table>\n");
    for (int i = 0; i < stages.size(); i++) {
      htmlStage(b, stages.get(i), records.get(i));
    }
    b.append("<h2>Settings and versions</h2>\n<table>\n");
    row(b, "study file", study.file().toString());
    row(b, "report folder", folder.toString());
    row(b, "mode", quick ? "quick (reduced settings)" : "full");
    variables.forEach((k, v) -> {
      if (study.paths().containsKey(k)) {
        row(b, "paths." + k, v);
      }
    });
    environment.forEach((k, v) -> row(b, k, v));
    b.append("</table>\n<p>The resolved arguments of every stage are in <a href=\"study.json\">"
        + "study.json</a>; the study file as run: <a href=\"study.yaml\">study.yaml</a>.</p>\n"
        + "</body></html>\n");
    return b.toString();
  }

  private void htmlStage(StringBuilder b, StudyFile.Stage s, StageRecord r) {
    String name = s.name();
    b.append("<h2 id=\"").append(name).append("\">").append(esc(s.title())).append(" <small>(")
        .append(name).append(", ").append(seconds(r.seconds())).append(")</small></h2>\n");
    paragraphs(b, s.notes());
    b.append("<pre>").append(esc(command(s))).append("</pre>\n");
    if (r.exitCode() != 0) {
      b.append("<p class=\"fail\">").append(esc(status(r))).append("</p>\n<pre>")
          .append(esc(tail(folder.resolve(name).resolve("log.txt"), 20))).append("</pre>\n");
    }
    JsonNode result = result(name);
    if (!s.headline().isEmpty() && r.exitCode() == 0) {
      b.append("<ul>\n");
      for (StudyFile.Headline h : s.headline()) {
        b.append("<li>").append(esc(h.label())).append(": <b>")
            .append(esc(shown(name, h, result).text())).append("</b></li>\n");
      }
      b.append("</ul>\n");
    }
    StageFiles files = StageFiles.of(folder.resolve(name));
    for (String png : files.images) {
      String rel = name + "/" + png;
      String svg = rel.substring(0, rel.length() - 4) + ".svg";
      b.append("<p><a href=\"").append(svg).append("\"><img src=\"").append(rel)
          .append("\" alt=\"").append(esc(png)).append("\"></a></p>\n");
    }
    for (String csv : files.tables) {
      htmlTable(b, name + "/" + csv, folder.resolve(name).resolve(csv));
    }
    b.append("<p>Files: ");
    List<String> links = new ArrayList<>();
    for (String f : files.others) {
      links.add("<a href=\"" + name + "/" + f + "\">" + esc(f) + "</a>");
    }
    files.folders.forEach((d, n) -> links.add("<a href=\"" + name + "/" + d + "/\">" + esc(d)
        + "/</a> (" + n + " files)"));
    b.append(String.join(", ", links)).append("</p>\n");
  }

  private static void htmlTable(StringBuilder b, String rel, Path file) {
    Csv csv;
    try {
      csv = Csv.read(file);
    } catch (RuntimeException e) {
      b.append("<p><a href=\"").append(rel).append("\">").append(esc(rel)).append("</a></p>\n");
      return;
    }
    int cols = Math.min(PREVIEW_COLUMNS, csv.header().size());
    b.append("<p><a href=\"").append(rel).append("\">").append(esc(rel)).append("</a>: ")
        .append(csv.rows().size()).append(" rows").append(csv.rows().size() > PREVIEW_ROWS
            ? ", the first " + PREVIEW_ROWS + " shown" : "").append(cols < csv.header().size()
            ? "; " + (csv.header().size() - cols) + " more column(s) in the file" : "")
        .append("</p>\n<table><tr>");
    for (int c = 0; c < cols; c++) {
      b.append("<th>").append(esc(csv.header().get(c))).append("</th>");
    }
    b.append("</tr>\n");
    for (String[] row : csv.rows().subList(0, Math.min(PREVIEW_ROWS, csv.rows().size()))) {
      b.append("<tr>");
      for (int c = 0; c < cols; c++) {
        b.append("<td>").append(esc(row[c])).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value))
        .append("</td></tr>\n");
  }

  private static void paragraphs(StringBuilder b, String text) {
    for (String p : text.strip().split("\\n\\s*\\n")) {
      if (!p.isBlank()) {
        b.append("<p>").append(esc(p.strip())).append("</p>\n");
      }
    }
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  // ---------------------------------------------------------------- Markdown

  private String markdown() {
    StringBuilder b = new StringBuilder("# ").append(study.name()).append("\n\n");
    if (!study.description().isBlank()) {
      b.append(study.description().strip()).append("\n\n");
    }
    if (quick) {
      b.append("**Quick mode**: reduced settings; not the study's results.\n\n");
    }
    b.append("## Headline numbers\n\n| stage | quantity | value |\n|---|---|---|\n");
    for (Shown s : headlines()) {
      b.append("| ").append(s.stage()).append(" | ").append(md(s.label())).append(" | ")
          .append(md(s.text())).append(" |\n");
    }
    b.append("\n## Stages and timings\n\n| stage | what | wall time | status |\n|---|---|---|---|\n");
    for (int i = 0; i < stages.size(); i++) {
      b.append("| ").append(stages.get(i).name()).append(" | ").append(md(stages.get(i)
          .title())).append(" | ").append(seconds(records.get(i).seconds())).append(" | ")
          .append(md(status(records.get(i)))).append(" |\n");
    }
    b.append("| **total** | | **").append(seconds(totalSeconds())).append("** | |\n");
    for (int i = 0; i < stages.size(); i++) {
      StudyFile.Stage s = stages.get(i);
      b.append("\n## ").append(s.title()).append(" (").append(s.name()).append(", ")
          .append(seconds(records.get(i).seconds())).append(")\n\n");
      if (!s.notes().isBlank()) {
        b.append(s.notes().strip()).append("\n\n");
      }
      b.append("```\n").append(command(s)).append("\n```\n\n");
      StageFiles files = StageFiles.of(folder.resolve(s.name()));
      for (String png : files.images) {
        b.append("![").append(png).append("](").append(s.name()).append('/').append(png)
            .append(")\n\n");
      }
      List<String> links = new ArrayList<>();
      Stream.of(files.tables, files.others).flatMap(List::stream).forEach(f -> links.add("["
          + f + "](" + s.name() + "/" + f + ")"));
      b.append("Files: ").append(String.join(", ", links)).append("\n");
    }
    b.append("\n## Settings and versions\n\n| | |\n|---|---|\n");
    b.append("| mode | ").append(quick ? "quick" : "full").append(" |\n");
    variables.forEach((k, v) -> {
      if (study.paths().containsKey(k)) {
        b.append("| paths.").append(k).append(" | ").append(md(v)).append(" |\n");
      }
    });
    environment.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(md(v))
        .append(" |\n"));
    return b.toString();
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The files of a stage folder, sorted by kind: plots (PNG) and tables (CSV) in it or one
   * folder down (e.g. thermo's plots/), other files in it, and its subfolders with their
   * file counts. Paths relative to the stage folder, with '/'.
   */
  private static final class StageFiles {
    final List<String> images = new ArrayList<>();
    final List<String> tables = new ArrayList<>();
    final List<String> others = new ArrayList<>();
    final Map<String, Long> folders = new LinkedHashMap<>();

    static StageFiles of(Path dir) {
      StageFiles f = new StageFiles();
      if (!Files.isDirectory(dir)) {
        return f;
      }
      try (Stream<Path> walk = Files.walk(dir, 2)) {
        for (Path p : walk.sorted().toList()) {
          Path rel = dir.relativize(p);
          String name = rel.toString().replace('\\', '/');
          boolean top = rel.getNameCount() == 1;
          if (Files.isDirectory(p)) {
            if (top) {
              try (Stream<Path> inner = Files.walk(p)) {
                f.folders.put(name, inner.filter(Files::isRegularFile).count());
              }
            }
          } else if (name.endsWith(".png")) {
            f.images.add(name);
          } else if (name.endsWith(".csv")) {
            f.tables.add(name);
          } else if (top && !name.endsWith(".svg") && !name.equals(StageRecord.FILE)
              && !name.startsWith(".")) {
            f.others.add(name);
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return f;
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private void copyStudyFile() {
    try {
      AtomicFiles.writeString(folder.resolve("study.yaml"), Files.readString(study.file()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** ordex, Java, OS, processors, and the git commit of the study's checkout if any. */
  private static Map<String, String> environment(Path studyFolder) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ordex", String.join(" ", Ordex.class.getAnnotation(Command.class).version()));
    env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty(
        "java.version") + " (" + System.getProperty("java.vendor") + ")");
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    env.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put("max heap", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    String commit = git(studyFolder, "rev-parse", "HEAD");
    if (commit != null) {
      String dirty = git(studyFolder, "status", "--porcelain", "--untracked-files=no");
      env.put("git commit", commit + (dirty != null && !dirty.isBlank()
          ? " (with uncommitted changes)" : ""));
    }
    return env;
  }

  private static String git(Path dir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
