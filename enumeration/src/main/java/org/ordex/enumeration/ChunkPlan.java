package org.ordex.enumeration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ordex.lattice.InvalidInputException;

/**
 * The work of an enumeration cut into chunks: the rank range of every composition (in the
 * order given) is cut into consecutive blocks of at most {@code chunkSize} ranks, numbered
 * globally. The cut depends only on the compositions and the chunk size, never on threads
 * or shards, so a chunk's result is the same whoever computes it; shards are consecutive
 * runs of whole chunks. Immutable.
 */
public final class ChunkPlan {
  /** The default chunk size: 2^20 ranks (about half a second of scoring). */
  public static final long DEFAULT_CHUNK = 1L << 20;

  /** The default chunk size in distinct mode: 2^22 ranks (an orbit met in several chunks is
   * expanded once per chunk, so larger chunks cost less there). */
  public static final long DISTINCT_CHUNK = 1L << 22;

  /**
   * One chunk: its global index, the composition (index into the plan's spaces) and its rank
   * range [from, to).
   */
  public record Chunk(int index, int space, long from, long to) {
    public long size() {
      return to - from;
    }
  }

  private final List<ArrangementSpace> spaces;
  private final long chunkSize;
  private final List<Chunk> chunks;

  private ChunkPlan(List<ArrangementSpace> spaces, long chunkSize) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunk size must be positive");
    }
    this.spaces = List.copyOf(spaces);
    this.chunkSize = chunkSize;
    List<Chunk> list = new ArrayList<>();
    for (int s = 0; s < spaces.size(); s++) {
      long size = spaces.get(s).size();
      for (long from = 0; from < size; from += chunkSize) {
        if (list.size() == Integer.MAX_VALUE) {
          throw new InvalidInputException("too many chunks");
        }
        list.add(new Chunk(list.size(), s, from, Math.min(size, from + chunkSize)));
      }
    }
    this.chunks = Collections.unmodifiableList(list);
  }

  /** The plan of the given compositions. */
  public static ChunkPlan of(List<ArrangementSpace> spaces, long chunkSize) {
    return new ChunkPlan(spaces, chunkSize);
  }

  public List<ArrangementSpace> spaces() {
    return spaces;
  }

  public long chunkSize() {
    return chunkSize;
  }

  public List<Chunk> chunks() {
    return chunks;
  }

  /**
   * Shard i of n (1 ≤ i ≤ n): chunks [⌊(i−1)C/n⌋, ⌊iC/n⌋) of the C chunks, so the n shards
   * cover every chunk exactly once.
   */
  public List<Chunk> shard(int i, int n) {
    if (n < 1 || i < 1 || i > n) {
      throw new IllegalArgumentException("shard " + i + "/" + n);
    }
    long c = chunks.size();
    return chunks.subList((int) ((i - 1) * c / n), (int) (i * c / n));
  }
}
