package org.ordex.enumeration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * What the enumeration of one chunk found: its density of states, its lowest arrangements,
 * how many arrangements it visited (representatives in distinct mode) and stood for (the sum
 * of multiplicities), and the largest drift of the incremental energy seen at a full
 * recomputation. Stored as a small binary file per chunk: the unit of checkpoints and of
 * merging shards. Immutable once built.
 *
 * @param chunk the chunk's global index in its {@link ChunkPlan}
 * @param space the composition (index into the plan's spaces)
 * @param from first rank
 * @param to rank after the last
 * @param visited arrangements scored
 * @param weight Σ multiplicities (arrangements stood for)
 * @param maxDrift largest |incremental − recomputed| energy seen (eV)
 */
public record ChunkResult(int chunk, int space, long from, long to, long visited, long weight,
    double maxDrift, DensityOfStates dos, LowestArrangements lowest) {
  private static final long MAGIC = 0x4f52444558434b32L; // "ORDEXCK2"

  /** The binary form. */
  public byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeLong(MAGIC);
      out.writeInt(chunk);
      out.writeInt(space);
      out.writeLong(from);
      out.writeLong(to);
      out.writeLong(visited);
      out.writeLong(weight);
      out.writeDouble(maxDrift);
      dos.write(out);
      lowest.write(out);
      out.writeLong(MAGIC);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the binary form; a truncated or corrupt file throws IOException. */
  public static ChunkResult fromBytes(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    try {
      if (in.readLong() != MAGIC) {
        throw new IOException("not a chunk result");
      }
      ChunkResult r = new ChunkResult(in.readInt(), in.readInt(), in.readLong(), in.readLong(),
          in.readLong(), in.readLong(), in.readDouble(), DensityOfStates.read(in),
          LowestArrangements.read(in));
      if (in.readLong() != MAGIC || in.available() != 0) {
        throw new IOException("corrupt chunk result");
      }
      return r;
    } catch (java.io.EOFException e) {
      throw new IOException("truncated chunk result", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkResult c && Arrays.equals(toBytes(), c.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }
}
