package org.ordex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.ordex.lattice.InvalidInputException;

/**
 * SHA-256 fingerprints of inputs, to tell whether a file or folder changed since a run that
 * read it: a file's bytes (streamed, so any size), or for a folder every regular file below
 * it in sorted order, each as its relative path and its bytes.
 */
final class FileDigest {
  private static final int BUFFER = 1 << 16;

  private FileDigest() {}

  /** Hex SHA-256 of a file or of a folder's files; an unreadable one is bad input. */
  static String sha256(Path path) {
    return sha256(path, null);
  }

  /**
   * As {@link #sha256(Path)}, leaving out the files below {@code skip} (null: none) when
   * {@code path} is a folder that contains it, e.g. a study's own report.
   */
  static String sha256(Path path, Path skip) {
    MessageDigest digest = newDigest();
    try {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(f -> Files.isRegularFile(f) && (skip == null || !f.startsWith(skip)))
              .sorted().toList();
        }
        for (Path f : files) {
          digest.update(path.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digestFile(f, digest);
          digest.update((byte) 0);
        }
      } else {
        digestFile(path, digest);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidInputException("cannot read " + path + " (" + e.getMessage() + ")");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void digestFile(Path file, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
