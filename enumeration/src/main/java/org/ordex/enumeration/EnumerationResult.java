package org.ordex.enumeration;

import java.util.Arrays;
import java.util.List;
import org.ordex.enumeration.ChunkPlan.Chunk;

/**
 * The chunk results of an enumeration (all of them or some: a shard, a run that was
 * stopped) and what they add up to per composition. Combined values are always built by
 * adding the chunks in index order, so they depend only on which chunks are present: merging
 * the results of shards, or of a run and its resumption, gives exactly (bit for bit) the
 * values of one run over the same chunks. Mutable (chunks are added); not thread-safe.
 */
public final class EnumerationResult {
  private final ChunkPlan plan;
  private final double binWidth;
  private final ChunkResult[] results;

  private EnumerationResult(ChunkPlan plan, double binWidth) {
    this.plan = plan;
    this.binWidth = binWidth;
    this.results = new ChunkResult[plan.chunks().size()];
  }

  /** An empty result of a plan with densities of states of the given bin width. */
  public static EnumerationResult of(ChunkPlan plan, double binWidth) {
    return new EnumerationResult(plan, binWidth);
  }

  public ChunkPlan plan() {
    return plan;
  }

  public double binWidth() {
    return binWidth;
  }

  /**
   * Adds a chunk's result. It must match its chunk in the plan (composition and ranks) and
   * the bin width; a chunk present twice must have the identical result.
   */
  public void add(ChunkResult r) {
    if (r.chunk() < 0 || r.chunk() >= results.length) {
      throw new IllegalArgumentException("chunk " + r.chunk() + " is not in the plan ("
          + results.length + " chunks)");
    }
    Chunk c = plan.chunks().get(r.chunk());
    if (c.space() != r.space() || c.from() != r.from() || c.to() != r.to()) {
      throw new IllegalArgumentException("chunk " + r.chunk() + " covers ranks [" + r.from()
          + ", " + r.to() + ") of composition " + r.space() + "; the plan has [" + c.from()
          + ", " + c.to() + ") of composition " + c.space());
    }
    if (r.dos().binWidth() != binWidth) {
      throw new IllegalArgumentException("chunk " + r.chunk() + " has energy bins of "
          + r.dos().binWidth() + " eV, expected " + binWidth);
    }
    ChunkResult old = results[r.chunk()];
    if (old != null && !old.equals(r)) {
      throw new IllegalArgumentException("chunk " + r.chunk() + " is present twice with "
          + "different results");
    }
    results[r.chunk()] = r;
  }

  /** Adds every chunk of another result of the same plan. */
  public void add(EnumerationResult other) {
    for (ChunkResult r : other.results) {
      if (r != null) {
        add(r);
      }
    }
  }

  /** Whether chunk i is present. */
  public boolean has(int chunk) {
    return results[chunk] != null;
  }

  /** The result of chunk i, or null when absent. */
  public ChunkResult chunk(int i) {
    return results[i];
  }

  /** Number of chunks present. */
  public int chunkCount() {
    return (int) Arrays.stream(results).filter(r -> r != null).count();
  }

  /** The chunks of the plan not present, in order. */
  public List<Chunk> missing(List<Chunk> among) {
    return among.stream().filter(c -> results[c.index()] == null).toList();
  }

  /** Whether every chunk of composition s is present. */
  public boolean isComplete(int space) {
    for (Chunk c : plan.chunks()) {
      if (c.space() == space && results[c.index()] == null) {
        return false;
      }
    }
    return true;
  }

  /** Whether any chunk of composition s is present. */
  public boolean hasAny(int space) {
    for (Chunk c : plan.chunks()) {
      if (c.space() == space && results[c.index()] != null) {
        return true;
      }
    }
    return false;
  }

  /** The density of states of composition s over the chunks present, added in order. */
  public DensityOfStates dos(int space) {
    DensityOfStates d = DensityOfStates.withBinWidth(binWidth);
    for (ChunkResult r : results) {
      if (r != null && r.space() == space) {
        d.add(r.dos());
      }
    }
    return d;
  }

  /** The lowest arrangements of composition s over the chunks present. */
  public LowestArrangements lowest(int space, int k) {
    LowestArrangements l = LowestArrangements.keeping(k);
    for (ChunkResult r : results) {
      if (r != null && r.space() == space) {
        l.add(r.lowest());
      }
    }
    return l;
  }

  /** Arrangements scored for composition s (representatives in distinct mode). */
  public long visited(int space) {
    long n = 0;
    for (ChunkResult r : results) {
      if (r != null && r.space() == space) {
        n += r.visited();
      }
    }
    return n;
  }

  /** Arrangements stood for (Σ multiplicities) for composition s. */
  public long weight(int space) {
    long n = 0;
    for (ChunkResult r : results) {
      if (r != null && r.space() == space) {
        n += r.weight();
      }
    }
    return n;
  }

  /** The largest energy drift seen at a recomputation (eV). */
  public double maxDrift() {
    double d = 0;
    for (ChunkResult r : results) {
      if (r != null) {
        d = Math.max(d, r.maxDrift());
      }
    }
    return d;
  }
}
