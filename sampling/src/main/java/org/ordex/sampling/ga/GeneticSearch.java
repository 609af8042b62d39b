package org.ordex.sampling.ga;

import io.jenetics.EliteSelector;
import io.jenetics.Genotype;
import io.jenetics.Selector;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.Limits;
import io.jenetics.util.RandomRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.ordex.potentials.SupercellEnergy;

/**
 * Genetic search for the lowest-energy orderings of one fixed composition in one supercell,
 * on the Jenetics engine: orderings as {@link OccupationChromosome}s, composition-preserving
 * {@link SlabCrossover} or {@link UniformCrossover} and {@link SwapMutator}, fitness = model
 * energy (minimised) with the optional memetic descent, duplicates modulo symmetry replaced
 * ({@link PopulationEvaluator}), independent restarts. The engine runs on the calling thread
 * with a seeded random generator (Jenetics is reproducible only so) while the energies are
 * computed on {@link GaSettings#threads()} threads; the same seed gives the same result for
 * any thread count, unless the time limit stops the search.
 */
public final class GeneticSearch {
  private GeneticSearch() {}

  /**
   * Searches one composition; {@code listener} hears of every generation (it runs on the
   * calling thread).
   */
  public static GroundStateResult run(SupercellEnergy energy, FixedComposition composition,
      GaSettings settings, Consumer<SearchStatus> listener) {
    long t0 = System.nanoTime();
    DistinctOrderings archive = new DistinctOrderings(composition.supercell().permutations(),
        settings.keep());
    if (!hasChoice(composition)) {
      byte[] only = composition.random(new Random(0));
      archive.add(energy.energy(only), only, 1);
      return result(composition, archive, 1, 0, 0, t0);
    }
    ExecutorService pool = settings.threads() > 1
        ? Executors.newFixedThreadPool(settings.threads(), GeneticSearch::daemon) : null;
    try {
      long memetic = settings.memeticTrials(composition.size());
      GreedySwaps relaxation = memetic > 0 ? new GreedySwaps(composition, memetic) : null;
      PopulationEvaluator evaluator = new PopulationEvaluator(energy, composition, relaxation,
          pool, settings.threads(), archive);
      Engine<SpeciesGene, Double> engine = engine(composition, settings, evaluator);
      long deadline = settings.timeLimit() == null ? Long.MAX_VALUE
          : t0 + settings.timeLimit().toNanos();
      long budget = settings.maxEvaluations() == 0 ? Long.MAX_VALUE : settings.maxEvaluations();
      Random random = new Random(seed(settings.seed(), composition));
      long generations = 0;
      int restarts = 0;
      while (restarts < settings.restarts() && System.nanoTime() < deadline
          && evaluator.evaluations() < budget) {
        int restart = restarts++;
        generations += RandomRegistry.with(random, r -> engine.stream()
            .limit(Limits.byFixedGeneration(settings.generations()))
            .limit(Limits.bySteadyFitness(settings.steadyGenerations()))
            .limit(x -> System.nanoTime() < deadline && evaluator.evaluations() < budget)
            .peek(x -> listener.accept(status(composition, restart, x, archive, evaluator)))
            .count());
      }
      return result(composition, archive, evaluator.evaluations(), generations, restarts, t0);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static Engine<SpeciesGene, Double> engine(FixedComposition composition,
      GaSettings s, PopulationEvaluator evaluator) {
    Selector<SpeciesGene, Double> selector = Selection.parse(s.selector());
    CompositionCrossover crossover = s.crossoverKind().equals("slab")
        ? new SlabCrossover(composition, s.crossover()) : new UniformCrossover(s.crossover());
    Genotype<SpeciesGene> template = Genotype.of(OccupationChromosome.wrap(composition,
        composition.random(new Random(0))));
    return new Engine.Builder<>(evaluator, template)
        .populationSize(s.population())
        .offspringFraction(s.offspringFraction())
        .offspringSelector(selector)
        .survivorsSelector(s.elite() > 0 ? new EliteSelector<>(s.elite(), selector) : selector)
        .alterers(crossover, new SwapMutator(composition, s.mutation()))
        .minimizing()
        .executor(Runnable::run)
        .build();
  }

  /** Whether the composition has more than one arrangement. */
  private static boolean hasChoice(FixedComposition composition) {
    for (int g = 0; g < composition.groupCount(); g++) {
      if (composition.isMixed(g)) {
        return true;
      }
    }
    return false;
  }

  /** The seed of one composition's search: the run's seed mixed with the composition. */
  static long seed(long seed, FixedComposition composition) {
    long z = seed * 0x9E3779B97F4A7C15L + composition.label().hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static SearchStatus status(FixedComposition composition, int restart,
      EvolutionResult<SpeciesGene, Double> r, DistinctOrderings archive,
      PopulationEvaluator evaluator) {
    return new SearchStatus(composition.label(), restart, r.generation(), r.bestFitness(),
        archive.energy(0), evaluator.evaluations());
  }

  private static GroundStateResult result(FixedComposition composition,
      DistinctOrderings archive, long evaluations, long generations, int restarts, long t0) {
    List<ScoredOrdering> list = new ArrayList<>(archive.size());
    for (int i = 0; i < archive.size(); i++) {
      list.add(new ScoredOrdering(archive.ordering(i), archive.energy(i), archive.stamp(i)));
    }
    return new GroundStateResult(composition, list, evaluations, generations, restarts,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "ordex-ga");
    t.setDaemon(true);
    return t;
  }
}
