package org.ordex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ordex.cli.RunRecord.State;

/**
 * Runs a user command once per calculation folder, N folders at a time: {@code /bin/sh -c
 * TEMPLATE} with {@code {id}} and {@code {dir}} replaced (also exported as ORDEX_ID and
 * ORDEX_DIR), in the folder, stdout and stderr to {@code ordex-run.out/.err} there. A
 * command that exits with a code other than 0, runs past the time-out (its whole process
 * tree is killed) or does not leave the expected result file fails; every outcome is kept in
 * the folder's {@link RunRecord}. Folders already done are skipped, so an interrupted
 * campaign resumes where it stopped; failed ones are retried only when asked.
 */
final class FolderRunner {
  /** One calculation: its id and folder. */
  record Job(String id, Path folder) {}

  /** How a job ended in this run: freshly run, or skipped because already finished. */
  record Outcome(RunRecord record, boolean skipped) {}

  private final String template;
  private final int parallel;
  private final Duration timeout;
  private final String doneFile;
  private final boolean retryFailed;
  private final PrintWriter progress;
  private final Set<Process> live = ConcurrentHashMap.newKeySet();

  FolderRunner(String template, int parallel, Duration timeout, String doneFile,
      boolean retryFailed, PrintWriter progress) {
    this.template = template;
    this.parallel = parallel;
    this.timeout = timeout;
    this.doneFile = doneFile;
    this.retryFailed = retryFailed;
    this.progress = progress;
  }

  /** The command line of one job. */
  String command(Job job) {
    return template.replace("{id}", job.id())
        .replace("{dir}", job.folder().toAbsolutePath().toString());
  }

  /** Runs every job not yet finished; returns one outcome per job, in order. */
  List<Outcome> run(List<Job> jobs) {
    Thread killer = new Thread(this::killAll, "ordex-runner-cleanup");
    Runtime.getRuntime().addShutdownHook(killer);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    AtomicInteger finished = new AtomicInteger();
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(pool.submit(() -> {
          Outcome o = runOne(job);
          report(o, finished.incrementAndGet(), jobs.size());
          return o;
        }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      killAll();
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException ignored) {
        // the JVM is already shutting down; the hook runs anyway
      }
    }
  }

  private Outcome runOne(Job job) {
    if (!Files.isDirectory(job.folder())) {
      return new Outcome(new RunRecord(job.id(), State.FAILED, "folder " + job.folder()
          + " is missing (manifest and folders do not match)", -1, 0, "", now()), false);
    }
    RunRecord previous = RunRecord.read(job.folder());
    if (previous != null && (previous.state() == State.DONE
        || previous.state() == State.FAILED && !retryFailed)) {
      return new Outcome(previous, true);
    }
    String command = command(job);
    new RunRecord(job.id(), State.RUNNING, "", -1, 0, command, "").write(job.folder());
    RunRecord record = execute(job, command);
    record.write(job.folder());
    return new Outcome(record, false);
  }

  private RunRecord execute(Job job, String command) {
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
        .directory(job.folder().toFile())
        .redirectOutput(job.folder().resolve("ordex-run.out").toFile())
        .redirectError(job.folder().resolve("ordex-run.err").toFile());
    pb.environment().put("ORDEX_ID", job.id());
    pb.environment().put("ORDEX_DIR", job.folder().toAbsolutePath().toString());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new RunRecord(job.id(), State.FAILED, "cannot start the command: " + e.getMessage(),
          -1, seconds(start), command, now());
    }
    live.add(p);
    try {
      boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        kill(p);
        return new RunRecord(job.id(), State.FAILED, "timed out after " + describe(timeout)
            + " (process tree killed)", -1, seconds(start), command, now());
      }
      int code = p.exitValue();
      if (code != 0) {
        return new RunRecord(job.id(), State.FAILED, "exit code " + code + lastLine(job),
            code, seconds(start), command, now());
      }
      if (doneFile != null && !Files.isRegularFile(job.folder().resolve(doneFile))) {
        return new RunRecord(job.id(), State.FAILED, "exit code 0 but no " + doneFile
            + " was written", 0, seconds(start), command, now());
      }
      return new RunRecord(job.id(), State.DONE, "", 0, seconds(start), command, now());
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      return new RunRecord(job.id(), State.FAILED, "interrupted", -1, seconds(start), command,
          now());
    } finally {
      live.remove(p);
    }
  }

  /** ": LAST LINE OF STDERR" when the command left one. */
  private static String lastLine(Job job) {
    try {
      List<String> lines = Files.readAllLines(job.folder().resolve("ordex-run.err"));
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          String s = lines.get(i).strip();
          return ": " + (s.length() > 300 ? s.substring(0, 300) + "…" : s);
        }
      }
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // no stderr to quote
    }
    return "";
  }

  private void report(Outcome o, int done, int total) {
    RunRecord r = o.record();
    String what = switch (r.state()) {
      case DONE -> o.skipped() ? "done earlier" : String.format("done in %.1f s", r.seconds());
      case FAILED -> (o.skipped() ? "failed earlier: " : "FAILED: ") + r.reason();
      case RUNNING -> "running";
    };
    synchronized (progress) {
      progress.printf("[%d/%d] %s %s%n", done, total, r.id(), what);
      progress.flush();
    }
  }

  private void killAll() {
    live.forEach(FolderRunner::kill);
  }

  /** Kills a process and all its descendants. */
  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String now() {
    return Instant.now().toString();
  }

  /** 90 s → "90s", 2 h → "2h", 30 min → "30m". */
  static String describe(Duration d) {
    long s = d.getSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
