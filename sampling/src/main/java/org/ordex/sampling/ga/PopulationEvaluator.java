package org.ordex.sampling.ga;

import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

/**
 * The fitness step of the genetic search, as a Jenetics {@link Evaluator}: the energy of every
 * new individual, optionally after the memetic {@link GreedySwaps} descent (Lamarckian: the
 * relaxed ordering replaces the offspring), computed in parallel on a fixed set of threads.
 * Each individual's result depends only on its ordering, so the outcome is the same for any
 * number of threads. Then duplicates modulo symmetry are replaced by shaken copies (2, then 8,
 * then 32 random swaps; a few rounds), which keeps the population diverse without throwing
 * away what it has learnt, and every evaluated ordering is offered to the
 * archive of the lowest distinct orderings. Counts energy evaluations (full energies and
 * swap ΔE). Used by one search on one thread.
 */
final class PopulationEvaluator implements Evaluator<SpeciesGene, Double> {
  private static final int REPLACEMENT_ROUNDS = 3;

  private final FixedComposition composition;
  private final GreedySwaps relaxation;
  private final SwapMutator mutator;
  private final MoveEvaluator[] evaluators;
  private final ExecutorService pool;
  private final int[][] permutations;
  private final DistinctOrderings archive;
  private long evaluations;

  /**
   * @param relaxation the memetic step, or null for none
   * @param pool threads for the energies (one task per thread), or null to work serially
   * @param threads number of parallel tasks (1 when {@code pool} is null)
   * @param archive receives every evaluated ordering, stamped with the evaluation count
   */
  PopulationEvaluator(SupercellEnergy energy, FixedComposition composition,
      GreedySwaps relaxation, ExecutorService pool, int threads, DistinctOrderings archive) {
    this.composition = composition;
    this.relaxation = relaxation;
    this.mutator = new SwapMutator(composition, 1);
    this.pool = pool;
    this.permutations = composition.supercell().permutations();
    this.archive = archive;
    int tasks = pool == null ? 1 : threads;
    this.evaluators = new MoveEvaluator[tasks];
    byte[] start = composition.random(new java.util.Random(0));
    for (int t = 0; t < tasks; t++) {
      evaluators[t] = energy.evaluator(start);
    }
  }

  /** Energy evaluations so far: full energies plus swap ΔE of the memetic step. */
  long evaluations() {
    return evaluations;
  }

  @Override
  public ISeq<Phenotype<SpeciesGene, Double>> eval(Seq<Phenotype<SpeciesGene, Double>> pop) {
    List<Phenotype<SpeciesGene, Double>> out = new ArrayList<>(pop.asList());
    IntArrayList pending = new IntArrayList();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).nonEvaluated()) {
        pending.add(i);
      }
    }
    evaluate(out, pending);
    DistinctOrderings seen = new DistinctOrderings(permutations, Integer.MAX_VALUE);
    IntArrayList duplicates = new IntArrayList();
    for (int i = 0; i < out.size(); i++) {
      if (!seen.add(out.get(i).fitness(), bytes(out.get(i)), 0)) {
        duplicates.add(i);
      }
    }
    RandomGenerator random = RandomRegistry.random();
    for (int round = 0; round < REPLACEMENT_ROUNDS && !duplicates.isEmpty(); round++) {
      int swaps = 2 << (2 * round);
      for (int k = 0; k < duplicates.size(); k++) {
        int i = duplicates.getInt(k);
        byte[] shaken = bytes(out.get(i)).clone();
        for (int t = 0; t < swaps; t++) {
          mutator.swap(shaken, random);
        }
        out.set(i, Phenotype.of(Genotype.of(OccupationChromosome.wrap(composition, shaken)),
            out.get(i).generation()));
      }
      evaluate(out, duplicates);
      IntArrayList again = new IntArrayList();
      for (int k = 0; k < duplicates.size(); k++) {
        int i = duplicates.getInt(k);
        if (!seen.add(out.get(i).fitness(), bytes(out.get(i)), 0)) {
          again.add(i);
        }
      }
      duplicates = again;
    }
    return ISeq.of(out);
  }

  private static byte[] bytes(Phenotype<SpeciesGene, Double> p) {
    return ((OccupationChromosome) p.genotype().chromosome()).bytes();
  }

  /** Evaluates the individuals at the given indices (in place), in parallel when possible. */
  private void evaluate(List<Phenotype<SpeciesGene, Double>> out, IntArrayList indices) {
    int m = indices.size();
    byte[][] orderings = new byte[m][];
    double[] energies = new double[m];
    long[] cost = new long[m];
    for (int k = 0; k < m; k++) {
      orderings[k] = bytes(out.get(indices.getInt(k)));
    }
    int tasks = Math.min(evaluators.length, m);
    if (tasks <= 1) {
      evaluateRange(evaluators[0], orderings, energies, cost, 0, m);
    } else {
      List<Future<?>> futures = new ArrayList<>(tasks);
      for (int t = 0; t < tasks; t++) {
        MoveEvaluator ev = evaluators[t];
        int from = (int) ((long) m * t / tasks);
        int to = (int) ((long) m * (t + 1) / tasks);
        futures.add(pool.submit(() -> evaluateRange(ev, orderings, energies, cost, from, to)));
      }
      for (Future<?> f : futures) {
        await(f);
      }
    }
    for (int k = 0; k < m; k++) {
      int i = indices.getInt(k);
      evaluations += cost[k];
      Phenotype<SpeciesGene, Double> p = out.get(i);
      Genotype<SpeciesGene> g = relaxation == null ? p.genotype()
          : Genotype.of(OccupationChromosome.wrap(composition, orderings[k]));
      out.set(i, Phenotype.of(g, p.generation(), energies[k]));
      archive.add(energies[k], orderings[k], evaluations);
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("energy evaluation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Energies of orderings[from, to) with one evaluator; with the memetic step the relaxed
   * ordering replaces orderings[k] (a new array).
   */
  private void evaluateRange(MoveEvaluator ev, byte[][] orderings, double[] energies,
      long[] cost, int from, int to) {
    for (int k = from; k < to; k++) {
      ev.reset(orderings[k]);
      if (relaxation == null) {
        energies[k] = ev.energy();
        cost[k] = 1;
      } else {
        long trials = relaxation.relax(ev, orderings[k]);
        byte[] relaxed = new byte[orderings[k].length];
        ev.copyOccupation(relaxed);
        orderings[k] = relaxed;
        energies[k] = ev.recompute();
        cost[k] = 2 + trials;
      }
    }
  }
}
