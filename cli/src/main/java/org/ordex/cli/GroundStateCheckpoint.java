package org.ordex.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Supercell;
import org.ordex.sampling.ga.FixedComposition;
import org.ordex.sampling.ga.GroundStateResult;
import org.ordex.sampling.ga.ScoredOrdering;

/**
 * The checkpoint of {@code ordex ground-state}: the results of the compositions finished so
 * far, rewritten (atomically, through {@link MonteCarloDirectory}) after each one, so a killed
 * run started again with the same inputs and options skips them. Each composition's search is
 * seeded on its own, so the resumed run ends with the same results as an uninterrupted one.
 */
final class GroundStateCheckpoint {
  static final String KIND = "ground-state";

  private GroundStateCheckpoint() {}

  /** One searched composition in one supercell; {@code prefix} tells the shape in ids. */
  record Found(Supercell cell, String prefix, GroundStateResult result) {
    String key() {
      return prefix + result.composition().label();
    }
  }

  static void save(MonteCarloDirectory dir, String fingerprint, List<Found> found) {
    dir.saveCheckpoint(KIND, fingerprint, out -> write(found, out));
  }

  private static void write(List<Found> found, DataOutputStream out) throws IOException {
    out.writeInt(found.size());
    for (Found f : found) {
      GroundStateResult r = f.result();
      out.writeUTF(f.key());
      out.writeLong(r.evaluations());
      out.writeLong(r.generations());
      out.writeInt(r.restarts());
      out.writeLong(r.elapsed().toNanos());
      out.writeInt(r.orderings().size());
      for (ScoredOrdering o : r.orderings()) {
        out.write(o.occupation());
        out.writeDouble(o.energy());
        out.writeLong(o.foundAfter());
      }
    }
  }

  /**
   * The finished results stored in the checkpoint, by key ({@code PREFIX + LABEL}); the
   * compositions are looked up among {@code expected} (same keys). Bad input when the
   * checkpoint names a composition not asked for now or is damaged.
   */
  static Map<String, GroundStateResult> read(DataInputStream in,
      Map<String, FixedComposition> expected) {
    Map<String, GroundStateResult> done = new LinkedHashMap<>();
    try {
      int count = in.readInt();
      for (int k = 0; k < count; k++) {
        String key = in.readUTF();
        FixedComposition c = expected.get(key);
        if (c == null) {
          throw new InvalidInputException("the checkpoint holds composition " + key
              + ", which these options do not ask for; choose another output directory");
        }
        long evaluations = in.readLong();
        long generations = in.readLong();
        int restarts = in.readInt();
        Duration elapsed = Duration.ofNanos(in.readLong());
        int n = in.readInt();
        List<ScoredOrdering> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          byte[] occ = new byte[c.size()];
          in.readFully(occ);
          if (!c.accepts(occ)) {
            throw new InvalidInputException("the checkpoint's ordering " + (i + 1) + " of "
                + key + " does not have that composition: the checkpoint is damaged");
          }
          list.add(new ScoredOrdering(occ, in.readDouble(), in.readLong()));
        }
        done.put(key, new GroundStateResult(c, list, evaluations, generations, restarts,
            elapsed));
      }
      return done;
    } catch (IOException e) {
      throw new InvalidInputException("cannot read the ground-state checkpoint ("
          + e.getMessage() + "); remove it or choose another output directory");
    }
  }
}
