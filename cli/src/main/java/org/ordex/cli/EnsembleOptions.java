package org.ordex.cli;

import java.util.Locale;
import java.util.function.Function;
import org.ordex.lattice.Composition;
import org.ordex.lattice.InvalidInputException;
import org.ordex.sampling.Ensemble;
import org.ordex.sampling.Occupations;
import org.ordex.sampling.Rng;
import org.ordex.sampling.SiteLayout;
import picocli.CommandLine.Option;

/**
 * The {@code --ensemble} choice of the Monte Carlo subcommands with its parameters
 * ({@code --composition}, {@code --dmu}, {@code --phi}, {@code --kappa}); add with
 * {@code @Mixin EnsembleOptions ensemble;}. Parameters that the chosen ensemble does not take
 * are bad input.
 */
final class EnsembleOptions {
  @Option(names = "--ensemble", paramLabel = "E", defaultValue = "canonical",
      description = "canonical (swaps at fixed --composition), sgc (flips at fixed --dmu) or "
          + "vcsgc (flips with --phi and --kappa); default ${DEFAULT-VALUE}")
  String name;

  @Option(names = "--composition", paramLabel = "C",
      description = "canonical: the fixed composition, e.g. Co=12,Mn=12 or Co=0.5; sgc/vcsgc: "
          + "the starting composition (default: random)")
  String composition;

  @Option(names = "--dmu", paramLabel = "LIST",
      description = "sgc: chemical potentials relative to the species left out, eV per atom, "
          + "e.g. Mn=0.05")
  String dmu;

  @Option(names = "--phi", paramLabel = "LIST",
      description = "vcsgc: φ for all species but one, e.g. Mn=-1.0 (the concentration "
          + "settles near −φ/2)")
  String phi;

  @Option(names = "--kappa", paramLabel = "K",
      description = "vcsgc: κ, the constraint on the concentration variance (default 200)")
  Double kappa;

  /**
   * Random starting occupations drawn from a chain's stream: at --composition when given
   * (parsed and checked now), otherwise each site uniformly from its allowed species.
   */
  Function<Rng, byte[]> starts(SiteLayout layout) {
    if (composition == null) {
      return rng -> Occupations.random(layout, rng);
    }
    Composition c = Composition.parse(composition, layout.supercell());
    return rng -> Occupations.random(layout, c, rng);
  }

  /** The ensemble with its parameters; {@code vcsgcAllowed} false for annealing. */
  Ensemble ensemble(SiteLayout layout, boolean vcsgcAllowed) {
    String e = name.toLowerCase(Locale.ROOT);
    switch (e) {
      case "canonical" -> {
        forbid(dmu, "--dmu", e, "a chemical potential");
        forbid(phi, "--phi", e, "φ");
        forbid(kappa, "--kappa", e, "κ");
        if (composition == null) {
          throw new InvalidInputException("the canonical ensemble needs --composition (e.g. "
              + "--composition " + example(layout, layout.sites() / 2) + ")");
        }
        return new Ensemble.Canonical();
      }
      case "sgc" -> {
        forbid(phi, "--phi", e, "φ");
        forbid(kappa, "--kappa", e, "κ");
        if (dmu == null) {
          throw new InvalidInputException("the sgc ensemble needs --dmu (chemical potentials "
              + "relative to one species, eV per atom, e.g. --dmu " + example(layout, 0.05)
              + ")");
        }
        return new Ensemble.SemiGrandCanonical(SpeciesAmounts.parse(dmu, "--dmu", layout, 0));
      }
      case "vcsgc" -> {
        if (!vcsgcAllowed) {
          break;
        }
        forbid(dmu, "--dmu", e, "a chemical potential");
        if (phi == null) {
          throw new InvalidInputException("the vcsgc ensemble needs --phi (e.g. --phi "
              + example(layout, -1.0) + ")");
        }
        double[] p = SpeciesAmounts.parse(phi, "--phi", layout, Double.NaN);
        int given = 0;
        for (double v : p) {
          given += Double.isNaN(v) ? 0 : 1;
        }
        if (given >= layout.activeSpecies().length) {
          throw new InvalidInputException("--phi '" + phi + "': give φ for all species but "
              + "one (the one left out is the reference)");
        }
        double k = kappa == null ? 200 : kappa;
        if (!(k > 0) || Double.isInfinite(k)) {
          throw new InvalidInputException("--kappa must be positive, got " + k);
        }
        return new Ensemble.VarianceConstrained(p, k);
      }
      default -> {
        // reported below
      }
    }
    throw new InvalidInputException("unknown --ensemble '" + name + "'; expected canonical"
        + (vcsgcAllowed ? ", sgc or vcsgc" : " or sgc (annealing)"));
  }

  private static void forbid(Object value, String option, String ens, String what) {
    if (value != null) {
      throw new InvalidInputException(option + " sets " + what + ", which the " + ens
          + " ensemble does not take");
    }
  }

  private static String example(SiteLayout layout, Object value) {
    int[] active = layout.activeSpecies();
    return layout.species().get(active[active.length - 1]) + "=" + value;
  }
}
