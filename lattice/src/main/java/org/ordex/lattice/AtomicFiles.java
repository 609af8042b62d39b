package org.ordex.lattice;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

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
    stream(path, out -> out.write(content));
  }

  /** Content written through a stream (for output too large to hold in memory). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Content written as UTF-8 text. */
  @FunctionalInterface
  public interface TextContent {
    void writeTo(Writer out) throws IOException;
  }

  /** Streams text to {@code path} atomically; an unwritable place is bad input. */
  public static void writeText(Path path, TextContent content) {
    stream(path, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      content.writeTo(w);
      w.flush();
    });
  }

  /**
   * Streams content to {@code path} atomically: nothing appears at {@code path} unless the
   * whole content was written. An unwritable place is bad input; an exception thrown by the
   * content leaves no file behind and is rethrown.
   */
  public static void stream(Path path, Content content) {
    Path target = path.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new InvalidInputException("cannot write " + path + ": it is a directory");
    }
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      readableByAll(tmp);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        content.writeTo(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new InvalidInputException("cannot write " + path + " (" + describe(e) + ")");
    } catch (RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /**
   * Checks, before a long job, that {@code path} could be written later by {@link #stream}:
   * not a directory, and its nearest existing ancestor a writable directory. Writes nothing.
   */
  public static void requireWritable(Path path) {
    Path target = path.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new InvalidInputException("cannot write " + path + ": it is a directory");
    }
    Path dir = target.getParent();
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidInputException("cannot write " + path + " (a file is in the way: "
          + dir + ")");
    }
    if (!Files.isWritable(dir)) {
      throw new InvalidInputException("cannot write " + path + " (permission denied: " + dir
          + ")");
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

  /** Temporary files are private (rw-------); the output should read like any other file. */
  private static void readableByAll(Path tmp) throws IOException {
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its default permissions apply
    }
  }

  private static String describe(IOException e) {
    if (e instanceof FileAlreadyExistsException x) {
      return "a file is in the way: " + x.getFile();
    }
    if (e instanceof AccessDeniedException x) {
      return "permission denied: " + x.getFile();
    }
    if (e instanceof NoSuchFileException x) {
      return "no such file or directory: " + x.getFile();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
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
