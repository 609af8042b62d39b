package org.ordex.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;

/**
 * The output directory of a Monte Carlo job: its checkpoint ({@code checkpoint.bin}, written
 * atomically) and its snapshot trajectory ({@code snapshots.extxyz}, appended). A checkpoint
 * starts with the job kind, a fingerprint of the inputs (system file, model file, options that
 * shape the start) and the length of the trajectory at that moment; a resumed job cuts the
 * trajectory back to that length, so frames written after the last checkpoint are not
 * duplicated.
 */
final class MonteCarloDirectory {
  private static final String MAGIC = "ordex-monte-carlo-checkpoint";

  private final Path dir;
  private final Path checkpoint;
  private final Path snapshots;

  MonteCarloDirectory(Path dir) {
    this.dir = AtomicFiles.createDirectory(dir);
    this.checkpoint = dir.resolve("checkpoint.bin");
    this.snapshots = dir.resolve("snapshots.extxyz");
  }

  Path resolve(String name) {
    return dir.resolve(name);
  }

  boolean hasCheckpoint() {
    return Files.exists(checkpoint);
  }

  Path checkpoint() {
    return checkpoint;
  }

  /** A fingerprint of input files and option text. */
  static String fingerprint(Path[] files, String... options) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : files) {
        md.update(Files.readAllBytes(f));
        md.update((byte) 0);
      }
      for (String o : options) {
        md.update(String.valueOf(o).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The state a job writes into its checkpoint. */
  @FunctionalInterface
  interface State {
    void write(DataOutputStream out) throws IOException;
  }

  /** Writes the checkpoint atomically. */
  void saveCheckpoint(String kind, String fingerprint, State state) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(MAGIC);
      out.writeUTF(kind);
      out.writeUTF(fingerprint);
      out.writeLong(Files.exists(snapshots) ? Files.size(snapshots) : 0);
      state.write(out);
      out.flush();
      AtomicFiles.write(checkpoint, bytes.toByteArray());
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + checkpoint + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Opens the checkpoint for resuming: checks the kind and fingerprint (bad input when it
   * belongs to another job), cuts the trajectory back, and returns the job's state stream.
   */
  DataInputStream openCheckpoint(String kind, String fingerprint) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(
          Files.readAllBytes(checkpoint)));
      if (!MAGIC.equals(in.readUTF()) || !kind.equals(in.readUTF())) {
        throw new InvalidInputException(checkpoint + " is not a checkpoint of ordex " + kind
            + "; remove it or choose another output directory");
      }
      if (!fingerprint.equals(in.readUTF())) {
        throw new InvalidInputException(checkpoint + " was written for another system, model "
            + "or composition; run with the same inputs to resume, or choose another output "
            + "directory");
      }
      long length = in.readLong();
      truncateSnapshots(length);
      return in;
    } catch (IOException e) {
      throw new InvalidInputException("cannot read checkpoint " + checkpoint + " ("
          + e.getMessage() + ")");
    }
  }

  /** Starts a fresh job: no checkpoint, an empty trajectory. */
  void startFresh() {
    try {
      Files.deleteIfExists(checkpoint);
      Files.deleteIfExists(snapshots);
    } catch (IOException e) {
      throw new InvalidInputException("cannot clear " + dir + " (" + e.getMessage() + ")");
    }
  }

  /** Removes the checkpoint of a finished job. */
  void finished() {
    try {
      Files.deleteIfExists(checkpoint);
    } catch (IOException e) {
      throw new InvalidInputException("cannot remove " + checkpoint + " (" + e.getMessage()
          + ")");
    }
  }

  private void truncateSnapshots(long length) throws IOException {
    if (!Files.exists(snapshots)) {
      if (length > 0) {
        throw new InvalidInputException(snapshots + " is missing; it held " + length
            + " bytes at the checkpoint");
      }
      return;
    }
    if (Files.size(snapshots) < length) {
      throw new InvalidInputException(snapshots + " is shorter than at the checkpoint");
    }
    try (FileChannel ch = FileChannel.open(snapshots, StandardOpenOption.WRITE)) {
      ch.truncate(length);
    }
  }

  /** Appends text to the trajectory. */
  void appendSnapshots(String text) {
    try {
      Files.writeString(snapshots, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + snapshots + " (" + e.getMessage() + ")");
    }
  }
}
