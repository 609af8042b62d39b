package org.ordex.enumeration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.ordex.enumeration.ChunkPlan.Chunk;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

/**
 * Scores every arrangement of the chunks of a {@link ChunkPlan} with an energy model and
 * streams them into a {@link ChunkResult} per chunk. Full mode walks a chunk in rank order
 * ({@link ArrangementCursor}), so each arrangement is scored from the previous one by the
 * model's incremental swap (binary case) or flips; distinct mode visits the orbit
 * representatives ({@link DistinctArrangements}) with their multiplicities and reaches each
 * from the previous one by flips, or from scratch when many sites differ. Every chunk starts
 * from a full energy, and the energy is recomputed from scratch every
 * {@link #RECOMPUTE_EVERY} steps (1/16 of that in representatives in distinct mode)
 * to bound the drift; so a chunk's result depends only on the
 * chunk. Threads take chunks one at a time. Immutable; {@link #run} may be called again.
 */
public final class Enumerator {
  /** Number of incremental steps between full recomputations. */
  public static final int RECOMPUTE_EVERY = 1 << 14;
  private static final int PROGRESS_STEP = 1 << 16;
  /**
   * In distinct mode a step (reaching the next representative by up to {@link #MAX_FLIPS}
   * flips) counts as this many incremental moves towards the recomputation interval.
   */
  private static final int DISTINCT_STEPS = 16;
  /**
   * Distinct mode reaches a representative by flips when at most this many sites differ
   * from the previous one, otherwise by a full energy (for a level-16 on-lattice MTP on the
   * spinel cell, 2 to 10 gave the same time, resets only 1.7× more).
   */
  private static final int MAX_FLIPS = 8;

  private final ChunkPlan plan;
  private final SupercellEnergy energy;
  private final boolean distinct;
  private final double binWidth;
  private final int lowest;
  private final int recomputeEvery;
  private final OccupancyKey keys;
  private final List<DistinctArrangements> orbits;

  private Enumerator(ChunkPlan plan, SupercellEnergy energy, boolean distinct, double binWidth,
      int lowest) {
    this.plan = plan;
    this.energy = energy;
    this.distinct = distinct;
    this.binWidth = binWidth;
    this.lowest = lowest;
    this.recomputeEvery = distinct ? Math.max(1, RECOMPUTE_EVERY / DISTINCT_STEPS)
        : RECOMPUTE_EVERY;
    this.keys = OccupancyKey.of(energy.supercell());
    List<DistinctArrangements> o = new ArrayList<>();
    for (ArrangementSpace s : plan.spaces()) {
      if (s.supercell() != energy.supercell()) {
        throw new IllegalArgumentException("the energy model is bound to another supercell");
      }
      o.add(distinct ? DistinctArrangements.of(s) : null);
    }
    this.orbits = o;
  }

  /**
   * An enumerator of the plan's arrangements scored by {@code energy}, all of them or one
   * per orbit ({@code distinct}), into densities of states with bins of {@code binWidth} eV,
   * keeping the {@code lowest} lowest arrangements of each chunk.
   */
  public static Enumerator of(ChunkPlan plan, SupercellEnergy energy, boolean distinct,
      double binWidth, int lowest) {
    return new Enumerator(plan, energy, distinct, binWidth, lowest);
  }

  public ChunkPlan plan() {
    return plan;
  }

  public OccupancyKey keys() {
    return keys;
  }

  /**
   * Scores {@code chunks} on {@code threads} threads. Each finished chunk is handed to
   * {@code sink} (one call at a time, in order of completion); {@code progress} counts the
   * ranks done. The first exception (of a thread or of the sink) stops all threads after
   * their current step block and is rethrown; results already handed over stay valid.
   */
  public void run(List<Chunk> chunks, int threads, Consumer<ChunkResult> sink,
      LongAdder progress) {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Object lock = new Object();
    Runnable work = () -> {
      Worker w = new Worker(stop, progress);
      try {
        for (int i = next.getAndIncrement(); i < chunks.size() && !stop.get();
            i = next.getAndIncrement()) {
          ChunkResult r = w.score(chunks.get(i));
          if (r == null) {
            return;
          }
          synchronized (lock) {
            if (stop.get()) {
              return;
            }
            try {
              sink.accept(r);
            } catch (Throwable t) {
              // stop before the lock is released: no other result reaches a failed sink
              stop.set(true);
              throw t;
            }
          }
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
        stop.set(true);
      }
    };
    int n = Math.max(1, Math.min(threads, chunks.size()));
    List<Thread> pool = new ArrayList<>();
    for (int t = 1; t < n; t++) {
      Thread th = new Thread(work, "ordex-enumerate-" + t);
      th.setDaemon(true);
      th.start();
      pool.add(th);
    }
    work.run();
    for (Thread th : pool) {
      try {
        th.join();
      } catch (InterruptedException e) {
        stop.set(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  /** Scores one chunk on the calling thread. */
  public ChunkResult score(Chunk chunk) {
    return new Worker(new AtomicBoolean(), new LongAdder()).score(chunk);
  }

  /** One thread's working state: evaluator and cursors, reused from chunk to chunk. */
  private final class Worker implements ArrangementVisitor {
    private final AtomicBoolean stop;
    private final LongAdder progress;
    private final ArrangementCursor[] cursors = new ArrangementCursor[plan.spaces().size()];
    private final int n = energy.supercell().activeSiteCount();
    private MoveEvaluator ev;
    // per chunk
    private DensityOfStates dos;
    private LowestArrangements low;
    private long key;
    private long visited;
    private long weight;
    private double drift;
    private int sinceRecompute;
    private boolean fresh;

    Worker(AtomicBoolean stop, LongAdder progress) {
      this.stop = stop;
      this.progress = progress;
    }

    ChunkResult score(Chunk c) {
      dos = DensityOfStates.withBinWidth(binWidth);
      low = LowestArrangements.keeping(lowest);
      visited = 0;
      weight = 0;
      drift = 0;
      sinceRecompute = 0;
      fresh = true;
      boolean done = distinct ? scoreDistinct(c) : scoreAll(c);
      if (!done) {
        return null;
      }
      return new ChunkResult(c.index(), c.space(), c.from(), c.to(), visited, weight, drift,
          dos, low);
    }

    private boolean scoreDistinct(Chunk c) {
      orbits.get(c.space()).forEach(c.from(), c.to(), this);
      progress.add(c.size());
      return !stop.get();
    }

    /** Distinct mode: one representative with its multiplicity. */
    @Override
    public void visit(long rank, byte[] occupation, long multiplicity) {
      int differing = 0;
      if (!fresh) {
        for (int a = 0; a < n; a++) {
          if (ev.species(a) != occupation[a]) {
            differing++;
          }
        }
      }
      if (fresh || differing > MAX_FLIPS) {
        start(occupation);
      } else {
        for (int a = 0; a < n; a++) {
          int old = ev.species(a);
          if (old != occupation[a]) {
            ev.flip(a, occupation[a]);
            key += keys.weight(a, occupation[a]) - keys.weight(a, old);
          }
        }
        step();
      }
      record(ev.energy(), rank, multiplicity);
    }

    private boolean scoreAll(Chunk c) {
      ArrangementCursor cursor = cursors[c.space()];
      if (cursor == null) {
        cursor = new ArrangementCursor(plan.spaces().get(c.space()));
        cursors[c.space()] = cursor;
      }
      cursor.seek(c.from());
      byte[] occ = cursor.occupation();
      start(occ);
      record(ev.energy(), c.from(), 1);
      long pending = 1;
      for (long r = c.from() + 1; r < c.to(); r++) {
        int k = cursor.next();
        if (k == 2) {
          int a = cursor.changedSite(0);
          int b = cursor.changedSite(1);
          ev.swap(a, b);
          key += keys.weight(a, occ[a]) - keys.weight(a, occ[b])
              + keys.weight(b, occ[b]) - keys.weight(b, occ[a]);
        } else {
          for (int i = 0; i < k; i++) {
            int a = cursor.changedSite(i);
            int old = ev.species(a);
            ev.flip(a, occ[a]);
            key += keys.weight(a, occ[a]) - keys.weight(a, old);
          }
        }
        step();
        record(ev.energy(), r, 1);
        if (++pending == PROGRESS_STEP) {
          progress.add(pending);
          pending = 0;
          if (stop.get()) {
            return false;
          }
        }
      }
      progress.add(pending);
      return true;
    }

    private void start(byte[] occupation) {
      if (ev == null) {
        ev = energy.evaluator(occupation);
      } else {
        ev.reset(occupation);
      }
      key = keys.of(occupation);
      fresh = false;
      sinceRecompute = 0;
    }

    private void step() {
      if (++sinceRecompute == recomputeEvery) {
        sinceRecompute = 0;
        double incremental = ev.energy();
        drift = Math.max(drift, Math.abs(ev.recompute() - incremental));
      }
    }

    private void record(double e, long rank, long g) {
      dos.add(e, key, g);
      if (low.admits(e, rank)) {
        low.offer(e, rank, g);
      }
      visited++;
      weight += g;
    }
  }
}
