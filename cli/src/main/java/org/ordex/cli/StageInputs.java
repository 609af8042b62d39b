package org.ordex.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files a study stage reads from outside its report: every argument (or the value of an
 * {@code --option=value}, or an item of a comma-separated list) that names an existing file
 * or folder outside the report folder, with the SHA-256 of its content (of a folder: of every
 * file below it, see {@link FileDigest}). A stage is reused
 * only while these are unchanged, so new data (the DFT campaign adding cells to the data
 * file) runs the stages that read it again. Files inside the report are earlier stages'
 * outputs: once a stage runs again, every later stage does too.
 */
final class StageInputs {
  private StageInputs() {}

  /**
   * Absolute path → hex SHA-256 of every file or folder named by {@code args} outside
   * {@code report}.
   */
  static SortedMap<String, String> of(List<String> args, Path report) {
    Path inside = report.toAbsolutePath().normalize();
    SortedMap<String, String> out = new TreeMap<>();
    for (String arg : args) {
      String value = arg.startsWith("-") && arg.contains("=")
          ? arg.substring(arg.indexOf('=') + 1) : arg;
      for (String item : value.split(",")) {
        Path p = file(item);
        if (p != null && !p.startsWith(inside)) {
          out.computeIfAbsent(p.toString(), k -> FileDigest.sha256(p, inside));
        }
      }
    }
    return out;
  }

  /** The existing file or folder an argument names, or null. */
  private static Path file(String item) {
    if (item.isBlank() || item.startsWith("-")) {
      return null;
    }
    try {
      Path p = Path.of(item).toAbsolutePath().normalize();
      return Files.isRegularFile(p) || Files.isDirectory(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
