package org.ordex.lattice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * All-or-nothing file output: content goes to a temporary file next to the target, which is
 * then moved into place, so a failed or killed job never leaves a half-written file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes text to {@code path} atomically; an unwritable place is bad input. */
  public static void writeString(Path path, String content) {
    write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes to {@code path} atomically; an unwritable place is bad input. */
  public static void write(Path path, byte[] content) {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      Files.write(tmp, content);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new InvalidInputException("cannot write " + path + " (" + describe(e) + ")");
    }
  }

  /** Creates a directory (and parents) for output; failure is bad input. */
  public static Path createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        throw new InvalidInputException("output directory " + dir + " is not writable");
      }
      return dir;
    } catch (IOException e) {
      throw new InvalidInputException("cannot create output directory " + dir + " ("
          + describe(e) + ")");
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the temporary file is hidden; nothing more to do
      }
    }
  }

}
