package org.ordex.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A progress line for a long job: fraction done, rate, ETA and an optional detail (e.g. the
 * current acceptance). On a terminal it is redrawn in place every second; otherwise (batch
 * logs) a line is printed every 30 seconds.
 */
final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final String what;
  private final LongSupplier total;
  private final LongSupplier done;
  private final Supplier<String> detail;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  /** Starts reporting {@code done} out of {@code total} {@code what} (e.g. arrangements). */
  Progress(PrintWriter err, String what, long total, LongAdder done) {
    this(err, what, () -> total, done::sum, () -> "");
  }

  /**
   * Starts reporting {@code done} out of {@code total} (both may change as the job goes, and
   * are read from the reporting thread) with a detail appended to the line.
   */
  Progress(PrintWriter err, String what, LongSupplier total, LongSupplier done,
      Supplier<String> detail) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.done = done;
    this.detail = detail;
    this.terminal = System.console() != null;
    long every = terminal ? 1000 : 30_000;
    this.thread = new Thread(() -> {
      while (running) {
        try {
          Thread.sleep(every);
        } catch (InterruptedException e) {
          return;
        }
        if (running) {
          print(false);
        }
      }
    }, "ordex-progress");
    thread.setDaemon(true);
    thread.start();
  }

  /** Seconds since the start. */
  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  private synchronized void print(boolean last) {
    long n = done.getAsLong();
    long total = this.total.getAsLong();
    double s = seconds();
    double rate = n / Math.max(s, 1e-9);
    String eta = rate > 0 && n < total ? clock((total - n) / rate) : "0:00";
    String line = String.format(Locale.ROOT, "%s: %5.1f%%  %,d / %,d %s  %s/s  ETA %s%s",
        what, total == 0 ? 100.0 : 100.0 * n / total, n, total, what, rate(rate), eta,
        detail.get());
    if (terminal) {
      err.print("\r" + line + (last ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }

  private static String rate(double r) {
    return r >= 1e6 ? String.format(Locale.ROOT, "%.2f M", r / 1e6)
        : String.format(Locale.ROOT, "%.0f", r);
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (terminal) {
      print(true);
    }
  }
}
