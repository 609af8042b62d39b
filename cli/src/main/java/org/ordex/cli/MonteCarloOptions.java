package org.ordex.cli;

import java.nio.file.Path;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.sampling.SiteLayout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options shared by the Monte Carlo subcommands ({@code sample}, {@code anneal}): the
 * system, model, supercell, ensemble, seed, checkpoint interval, output directory and
 * {@code --json}; add with {@code @Mixin MonteCarloOptions job;}.
 */
final class MonteCarloOptions {
  @Mixin
  SystemOptions system;

  @Mixin
  ModelOptions model;

  @Mixin
  EnsembleOptions ensemble;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "random seed (default ${DEFAULT-VALUE}); the same seed gives the same "
          + "trajectory whatever the thread count")
  long seed;

  @Option(names = "--checkpoint-every", paramLabel = "SECONDS", defaultValue = "60",
      description = "seconds between checkpoints (default ${DEFAULT-VALUE}); a killed run "
          + "resumes from DIR/checkpoint.bin when started again with the same options")
  double checkpointEvery;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "output directory")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  /** The system, its model and the layout of its active sites. */
  record Loaded(SystemSpec system, EnergyModel model, SiteLayout layout) {}

  /** Loads the system and model (nothing is written yet). */
  Loaded load() {
    if (!(checkpointEvery > 0)) {
      throw new InvalidInputException("--checkpoint-every must be positive, got "
          + checkpointEvery);
    }
    SystemSpec s = system.load();
    return new Loaded(s, model.load(s), SiteLayout.of(s.supercell()));
  }

  /** The output directory (created). */
  MonteCarloDirectory directory() {
    return new MonteCarloDirectory(output);
  }

  /** What a checkpoint must match to be resumed: input files and start-up options. */
  String fingerprint() {
    return MonteCarloDirectory.fingerprint(new Path[] {system.file, model.model},
        String.valueOf(system.supercell), String.valueOf(ensemble.composition),
        String.valueOf(model.species), Long.toString(seed));
  }
}
