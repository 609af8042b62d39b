package org.ordex.cli;

import java.util.Arrays;
import org.ordex.lattice.InvalidInputException;
import org.ordex.sampling.SiteLayout;

/**
 * Parses per-species numbers such as {@code --dmu Mn=0.05} or {@code --phi Mn=-1.2}: species
 * of the active sites by name, each at most once; the result has one entry per species of the
 * parent lattice, {@code absent} where none was given.
 */
final class SpeciesAmounts {
  private SpeciesAmounts() {}

  static double[] parse(String spec, String option, SiteLayout layout, double absent) {
    int k = layout.speciesCount();
    boolean[] active = new boolean[k];
    for (int s : layout.activeSpecies()) {
      active[s] = true;
    }
    double[] v = new double[k];
    Arrays.fill(v, absent);
    boolean[] given = new boolean[k];
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("\\s*=\\s*");
      if (kv.length != 2) {
        throw new InvalidInputException(option + " '" + spec + "': expected SPECIES=VALUE "
            + "items separated by commas, e.g. " + example(layout, active));
      }
      int s = layout.species().indexOf(kv[0].trim());
      if (s < 0 || !active[s]) {
        throw new InvalidInputException(option + " '" + spec + "': '" + kv[0].trim()
            + "' is not a species of the active sites (" + names(layout, active) + ")");
      }
      if (given[s]) {
        throw new InvalidInputException(option + " '" + spec + "': " + kv[0].trim()
            + " is given twice");
      }
      try {
        v[s] = Double.parseDouble(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(option + " '" + spec + "': '" + kv[1].trim()
            + "' is not a number");
      }
      if (!Double.isFinite(v[s])) {
        throw new InvalidInputException(option + " '" + spec + "': values must be finite");
      }
      given[s] = true;
    }
    return v;
  }

  private static String names(SiteLayout layout, boolean[] active) {
    StringBuilder b = new StringBuilder();
    for (int s = 0; s < active.length; s++) {
      if (active[s]) {
        b.append(b.length() == 0 ? "" : ", ").append(layout.species().get(s));
      }
    }
    return b.toString();
  }

  private static String example(SiteLayout layout, boolean[] active) {
    for (int s = active.length - 1; s >= 0; s--) {
      if (active[s]) {
        return layout.species().get(s) + "=0.1";
      }
    }
    return "A=0.1";
  }
}
