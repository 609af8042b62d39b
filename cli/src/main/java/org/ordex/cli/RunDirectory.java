package org.ordex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ordex.enumeration.ChunkPlan;
import org.ordex.enumeration.ChunkResult;
import org.ordex.enumeration.EnumerationResult;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;

/**
 * The directory of an enumeration run: {@code run.json} (its {@link EnumerationRun}) and one
 * binary file per finished chunk in {@code chunks/} (written atomically, so a killed run
 * leaves only whole chunks: its checkpoint). Reports are written next to them.
 */
final class RunDirectory {
  static final String RUN_FILE = "run.json";
  private final Path dir;

  private RunDirectory(Path dir) {
    this.dir = dir;
  }

  /** An existing run directory (with run.json). */
  static RunDirectory existing(Path dir) {
    if (!Files.isRegularFile(dir.resolve(RUN_FILE))) {
      throw new InvalidInputException(dir + " is not an enumeration run directory (no "
          + RUN_FILE + ")");
    }
    return new RunDirectory(dir);
  }

  /**
   * Opens {@code dir} for {@code run}: creates it and writes run.json, or, when it already
   * holds the same run (same parameters and shard), reopens it to resume. A directory that
   * holds another run is bad input.
   */
  static RunDirectory create(Path dir, EnumerationRun run) {
    AtomicFiles.createDirectory(dir);
    Path file = dir.resolve(RUN_FILE);
    if (Files.exists(file)) {
      EnumerationRun old = EnumerationRun.read(file);
      if (!old.sameWorkAs(run) || !old.shard().equals(run.shard())) {
        throw new InvalidInputException(dir + " holds another enumeration run (" + file
            + " differs from these options); choose another output directory");
      }
    } else {
      AtomicFiles.writeString(file, Json.write(run.toJson()) + "\n");
    }
    AtomicFiles.createDirectory(dir.resolve("chunks"));
    return new RunDirectory(dir);
  }

  Path path() {
    return dir;
  }

  EnumerationRun run() {
    return EnumerationRun.read(dir.resolve(RUN_FILE));
  }

  private Path chunkFile(int chunk) {
    return dir.resolve("chunks").resolve(String.format("chunk-%07d.bin", chunk));
  }

  /** Stores a finished chunk (atomically). */
  void save(ChunkResult r) {
    AtomicFiles.write(chunkFile(r.chunk()), r.toBytes());
  }

  /** Every stored chunk of this directory, added to {@code result}. */
  void loadInto(EnumerationResult result) {
    Path chunks = dir.resolve("chunks");
    if (!Files.isDirectory(chunks)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(chunks)) {
      files = s.filter(p -> p.getFileName().toString().matches("chunk-\\d+\\.bin")).sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidInputException("cannot list " + chunks + " (" + e.getMessage() + ")");
    }
    for (Path p : files) {
      ChunkResult r;
      try {
        r = ChunkResult.fromBytes(Files.readAllBytes(p));
      } catch (IOException e) {
        throw new InvalidInputException(p + ": not a readable chunk result (" + e.getMessage()
            + "); delete it to recompute that chunk");
      }
      try {
        result.add(r);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(p + ": " + e.getMessage());
      }
    }
  }

  /** The stored chunks of a plan. */
  EnumerationResult load(ChunkPlan plan, double binWidth) {
    EnumerationResult r = EnumerationResult.of(plan, binWidth);
    loadInto(r);
    return r;
  }
}
