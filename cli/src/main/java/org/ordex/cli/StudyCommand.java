package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex study}: runs the stages of a study file in order, each an ordex subcommand
 * run in-process with {@code --json} in its own folder of the report, and renders the report
 * ({@code index.html}, {@code report.md}, {@code study.json}) from what the subcommands wrote.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = "Run a study: the stages of STUDY (a folder with study.yaml, or the file) "
        + "in order, each an ordex subcommand run with --json in its own folder of the "
        + "report; then write the report (index.html, report.md, study.json) with every "
        + "stage's command, wall time, headline numbers (from the subcommand's JSON), plots "
        + "and tables, the settings and versions. Stages already done with the same "
        + "arguments and input files (SHA-256 of each file or folder an argument names outside the "
        + "report) are reused up to the first that runs again, so a stopped study resumes "
        + "and new data runs the stages that read it again; "
        + "a failed stage stops the study with its exit code.")
final class StudyCommand implements Callable<Integer> {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_-]*)}");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY", description = "study folder or study file")
  Path study;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "report folder (default: STUDY/report, or STUDY/report-quick with "
          + "--quick)")
  Path output;

  @Option(names = "--quick",
      description = "reduced settings: each stage's 'quick' option values (used by the tests)")
  boolean quick;

  @Option(names = "--set", paramLabel = "NAME=PATH",
      description = "point a path of the study file elsewhere, e.g. --set data=/srv/gesn "
          + "(relative to the current folder; repeatable)")
  List<String> set = new ArrayList<>();

  @Option(names = "--force", description = "run every stage again, even those already done")
  boolean force;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    StudyFile file = StudyFile.read(study);
    Path folder = file.file().toAbsolutePath().getParent();
    Path report = (output != null ? output : folder.resolve(quick ? "report-quick" : "report"))
        .toAbsolutePath().normalize();
    Map<String, String> variables = variables(file, folder, report);
    List<List<String>> resolved = new ArrayList<>();
    for (StudyFile.Stage s : file.stages()) {
      resolved.add(resolve(file, s, variables));
    }
    AtomicFiles.createDirectory(report);
    StudyReport out = new StudyReport(file, report, quick, variables);
    PrintWriter err = spec.commandLine().getErr();
    int code = 0;
    boolean rerun = force;
    for (int i = 0; i < resolved.size() && code == 0; i++) {
      StudyFile.Stage s = file.stages().get(i);
      StageRecord r = runStage(s, resolved.get(i), report, rerun, err);
      rerun |= !r.reused();
      out.add(s, r);
      out.write();
      code = r.exitCode();
      if (!json) {
        spec.commandLine().getOut().printf(Locale.ROOT, "stage %-12s %s in %.1f s%s%n",
            s.name(), code == 0 ? "done" : "FAILED (exit " + code + ")", r.seconds(),
            r.reused() ? " (reused)" : "");
      }
    }
    printSummary(out, report, code);
    return code;
  }

  /** The study's variables: study, report, the paths (checked to exist), the stage folders. */
  private Map<String, String> variables(StudyFile file, Path folder, Path report) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("study", folder.toString());
    v.put("report", report.toString());
    Map<String, Path> paths = new LinkedHashMap<>();
    file.paths().forEach((k, p) -> paths.put(k, folder.resolve(p)));
    for (String s : set) {
      int eq = s.indexOf('=');
      String name = eq > 0 ? s.substring(0, eq).trim() : "";
      if (!paths.containsKey(name)) {
        throw new InvalidInputException("--set '" + s + "': expected NAME=PATH with NAME one "
            + "of the study's paths " + paths.keySet());
      }
      paths.put(name, Path.of(s.substring(eq + 1).trim()).toAbsolutePath());
    }
    paths.forEach((k, p) -> {
      if (!Files.exists(p)) {
        throw new InvalidInputException(file.file() + ": paths." + k + " = " + p.normalize()
            + " does not exist; point the study at it with --set " + k + "=PATH");
      }
      v.put(k, p.normalize().toString());
    });
    for (StudyFile.Stage s : file.stages()) {
      v.put(s.name(), report.resolve(s.name()).toString());
    }
    return v;
  }

  /** The stage's arguments: quick overrides applied, variables replaced, --json added. */
  private List<String> resolve(StudyFile file, StudyFile.Stage stage,
      Map<String, String> variables) {
    List<String> args = new ArrayList<>(stage.run());
    if (quick) {
      stage.quick().forEach((option, value) -> override(args, option, value));
    }
    String first = args.get(0);
    if (!spec.parent().subcommands().containsKey(first) || first.equals("study")) {
      throw new InvalidInputException(file.file() + ": stage " + stage.name() + ": '" + first
          + "' is not an ordex subcommand (one of " + String.join(", ",
              spec.parent().subcommands().keySet().stream().filter(k -> !k.equals("study"))
                  .toList()) + ")");
    }
    List<String> earlier = file.stages().stream().map(StudyFile.Stage::name)
        .takeWhile(n -> !n.equals(stage.name())).toList();
    List<String> out = new ArrayList<>();
    for (String a : args) {
      Matcher m = VARIABLE.matcher(a);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String value;
        if (name.equals("out")) {
          value = variables.get(stage.name());
        } else if (file.stages().stream().anyMatch(s -> s.name().equals(name))
            && !earlier.contains(name)) {
          throw new InvalidInputException(file.file() + ": stage " + stage.name() + " uses ${"
              + name + "}, which is not an earlier stage");
        } else {
          value = variables.get(name);
        }
        if (value == null) {
          throw new InvalidInputException(file.file() + ": stage " + stage.name()
              + ": unknown variable ${" + name + "}; known: out, " + String.join(", ",
                  variables.keySet()));
        }
        m.appendReplacement(b, Matcher.quoteReplacement(value));
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    if (!out.contains("--json")) {
      out.add("--json");
    }
    return out;
  }

  /** Replaces the value of an option (--name value or --name=value), or adds it. */
  static void override(List<String> args, String option, String value) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(option) && i + 1 < args.size()) {
        args.set(i + 1, value);
        return;
      }
      if (args.get(i).startsWith(option + "=")) {
        args.set(i, option + "=" + value);
        return;
      }
    }
    args.add(option);
    args.add(value);
  }

  /**
   * Runs a stage in its folder of the report, or reuses its earlier result when it was done
   * with the same arguments and input files and no earlier stage ran again ({@code rerun}:
   * their outputs may differ).
   */
  private StageRecord runStage(StudyFile.Stage stage, List<String> args, Path report,
      boolean rerun, PrintWriter err) {
    Path folder = report.resolve(stage.name());
    SortedMap<String, String> inputs = StageInputs.of(args, report);
    StageRecord previous = StageRecord.read(folder);
    boolean same = previous != null && previous.args().equals(args)
        && previous.inputs().equals(inputs);
    if (same && previous.exitCode() == 0 && !rerun
        && Files.isRegularFile(folder.resolve(StudyReport.RESULT))) {
      return previous.asReused();
    }
    if (Files.exists(folder) && !(same && previous.exitCode() != 0)) {
      deleteTree(folder);
    }
    // kept: the folder of an interrupted or failed run with the same arguments (resumes)
    AtomicFiles.createDirectory(folder);
    String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    new StageRecord(args, inputs, StageRecord.RUNNING, 0, started, false).write(folder);
    err.printf("== stage %s: ordex %s%n", stage.name(), String.join(" ", args));
    err.flush();
    StringWriter result = new StringWriter();
    StringWriter log = new StringWriter();
    long t0 = System.nanoTime();
    int code = Ordex.execute(new PrintWriter(result), new PrintWriter(new Tee(log, err)),
        args.toArray(new String[0]));
    double seconds = (System.nanoTime() - t0) * 1e-9;
    AtomicFiles.writeString(folder.resolve(StudyReport.RESULT), result.toString());
    AtomicFiles.writeString(folder.resolve("log.txt"), log.toString());
    StageRecord r = new StageRecord(args, inputs, code, seconds, started, false);
    r.write(folder);
    return r;
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the stage folder " + folder, e);
    }
  }

  private void printSummary(StudyReport report, Path folder, int code) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = report.toJson();
      root.put("exitCode", code);
      out.println(Json.write(root));
      return;
    }
    ArrayNode headlines = (ArrayNode) report.toJson().get("headlines");
    for (var h : headlines) {
      out.printf("%-12s %-60s %s%n", h.get("stage").asText(), h.get("label").asText(),
          h.get("text").asText());
    }
    out.printf(Locale.ROOT, "%s in %.1f s; report: %s%n", code == 0 ? "study done"
        : "study stopped", report.totalSeconds(), folder.resolve("index.html"));
  }

  /** Writes to a buffer and to a second writer (the study's stderr, for progress). */
  private static final class Tee extends Writer {
    private final Writer first;
    private final Writer second;

    Tee(Writer first, Writer second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      first.write(buf, off, len);
      second.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
