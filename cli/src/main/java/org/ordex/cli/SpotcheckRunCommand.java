package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ordex.analysis.spotcheck.Manifest;
import org.ordex.cli.RunRecord.State;
import org.ordex.lattice.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex spotcheck run DIR --command "…"}: runs a DFT command in every calculation
 * folder of a spot-check (those of DIR/manifest.json, or every subfolder), N at a time,
 * resumable; exit code 3 when any calculation failed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a command in every calculation folder of DIR (the folders listed in "
        + "DIR/manifest.json, or every subfolder), N at a time, with a time-out. Folders "
        + "already done are skipped (resume by running again); each outcome is kept in "
        + "FOLDER/ordex-run.json. Exit code 3 when any calculation failed.")
final class SpotcheckRunCommand implements Callable<Integer> {
  /** Exit code when at least one calculation failed. */
  static final int FAILED = 3;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "spot-check folder")
  Path dir;

  @Option(names = "--command", required = true, paramLabel = "TEMPLATE",
      description = "shell command run in each folder; {id} and {dir} are replaced by the "
          + "structure id and the folder's absolute path (also in $ORDEX_ID, $ORDEX_DIR)")
  String command;

  @Option(names = {"-j", "--parallel"}, paramLabel = "N", defaultValue = "1",
      description = "calculations at a time (default 1)")
  int parallel;

  @Option(names = "--timeout", paramLabel = "T", defaultValue = "24h",
      description = "time-out per calculation: 90s, 30m, 2h (default 24h)")
  String timeout;

  @Option(names = "--done-file", paramLabel = "FILE",
      description = "a calculation counts as done only when it exits with 0 and wrote FILE "
          + "in its folder (e.g. result.json)")
  String doneFile;

  @Option(names = "--retry-failed", description = "run failed calculations again")
  boolean retryFailed;

  @Option(names = "--only", paramLabel = "ID", split = ",",
      description = "run only these ids (comma-separated)")
  List<String> only;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    if (parallel < 1) {
      throw new InvalidInputException("--parallel: must be at least 1, got " + parallel);
    }
    Duration limit = parseDuration("--timeout", timeout);
    List<FolderRunner.Job> jobs = jobs();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    FolderRunner runner = new FolderRunner(command, parallel, limit, doneFile, retryFailed,
        progress);
    List<FolderRunner.Outcome> outcomes = runner.run(jobs);
    long failed = outcomes.stream().filter(o -> o.record().state() != State.DONE).count();
    long ran = outcomes.stream().filter(o -> !o.skipped()).count();
    if (json) {
      out.println(Json.write(toJson(outcomes, ran, failed)));
    } else {
      out.printf("%d calculations: %d run now, %d done, %d failed%n", outcomes.size(), ran,
          outcomes.size() - failed, failed);
      if (failed > 0) {
        out.println("failed (reasons in FOLDER/" + RunRecord.FILE_NAME + "):");
        for (FolderRunner.Outcome o : outcomes) {
          if (o.record().state() != State.DONE) {
            out.printf("  %s: %s%n", o.record().id(), o.record().reason());
          }
        }
      }
    }
    return failed > 0 ? FAILED : 0;
  }

  private ObjectNode toJson(List<FolderRunner.Outcome> outcomes, long ran, long failed) {
    ObjectNode root = Json.object();
    root.put("dir", dir.toString());
    root.put("command", command);
    root.put("calculations", outcomes.size());
    root.put("ranNow", ran);
    root.put("done", outcomes.size() - failed);
    root.put("failed", failed);
    ArrayNode list = root.putArray("results");
    for (FolderRunner.Outcome o : outcomes) {
      ObjectNode r = o.record().toJson();
      r.put("skipped", o.skipped());
      list.add(r);
    }
    return root;
  }

  /** The jobs: the manifest's entries, or every subfolder of DIR in name order. */
  private List<FolderRunner.Job> jobs() {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(dir + ": no such folder");
    }
    List<FolderRunner.Job> jobs = new ArrayList<>();
    Path manifest = dir.resolve(Manifest.FILE_NAME);
    if (Files.isRegularFile(manifest)) {
      for (Manifest.Entry e : Manifest.read(manifest).entries()) {
        jobs.add(new FolderRunner.Job(e.id(), dir.resolve(e.folder())));
      }
    } else {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted().forEach(p -> jobs.add(new FolderRunner.Job(p.getFileName().toString(), p)));
      } catch (IOException e) {
        throw new InvalidInputException(dir + ": cannot list (" + e.getMessage() + ")");
      }
    }
    if (only != null) {
      Set<String> wanted = new HashSet<>(only);
      Set<String> known = new HashSet<>();
      jobs.forEach(j -> known.add(j.id()));
      for (String id : only) {
        if (!known.contains(id)) {
          throw new InvalidInputException("--only: no calculation '" + id + "' in " + dir);
        }
      }
      jobs.removeIf(j -> !wanted.contains(j.id()));
    }
    if (jobs.isEmpty()) {
      throw new InvalidInputException(dir + ": no calculation folders (expected "
          + Manifest.FILE_NAME + " or subfolders)");
    }
    return jobs;
  }

  /** "90s", "30m", "2h", "1d" or plain seconds; must be positive ({@code option} names it). */
  static Duration parseDuration(String option, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    if (Arrays.asList('s', 'm', 'h', 'd').contains(last)) {
      unit = switch (last) {
        case 'm' -> 60;
        case 'h' -> 3600;
        case 'd' -> 86400;
        default -> 1;
      };
      t = t.substring(0, t.length() - 1);
    }
    try {
      double v = Double.parseDouble(t);
      if (v > 0 && v * unit < 1e9) {
        return Duration.ofMillis(Math.round(v * unit * 1000));
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidInputException(option + ": expected a positive duration like 90s, 30m "
        + "or 2h, got '" + text + "'");
  }
}
