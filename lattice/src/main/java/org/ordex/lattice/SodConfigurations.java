package org.ordex.lattice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration list of SOD (Site Occupancy Disorder; Grau-Crespo et al.), as in its
 * {@code OUTSOD} file: one line per symmetry-distinct configuration, {@code INDEX DEGENERACY
 * SITE…} — the 1-based numbers of the sites holding the substituted species, the same count
 * on every line. Header lines before the first configuration (SOD writes e.g. "8
 * substitutions in 24 sites") and blank lines are skipped.
 */
public final class SodConfigurations {
  /** One configuration: SOD's index, its degeneracy and the 0-based substituted sites. */
  public record Entry(int index, long degeneracy, int[] sites) {}

  private SodConfigurations() {}

  /** Reads a list; {@code siteCount} is the number of sites SOD numbered (1…siteCount). */
  public static List<Entry> read(Path file, int siteCount) {
    Text.Lines in = new Text.Lines(Text.read(file), file.toString());
    List<Entry> out = new ArrayList<>();
    int width = -1;
    while (in.hasNext()) {
      String line = in.next();
      String[] t = in.tokens(line);
      if (t.length == 0 || out.isEmpty() && !allIntegers(t)) {
        continue;
      }
      if (t.length < 2) {
        throw in.error("expected INDEX DEGENERACY SITE…, found '" + line.trim() + "'");
      }
      if (width < 0) {
        width = t.length;
      } else if (t.length != width) {
        throw in.error(t.length - 2 + " sites; the first configuration has " + (width - 2));
      }
      int index = in.integer(t[0]);
      long degeneracy;
      try {
        degeneracy = Long.parseLong(t[1]);
      } catch (NumberFormatException e) {
        throw in.error("expected an integer degeneracy, found '" + t[1] + "'");
      }
      if (degeneracy < 1) {
        throw in.error("degeneracy " + degeneracy + ": expected at least 1");
      }
      int[] sites = new int[t.length - 2];
      Set<Integer> seen = new HashSet<>();
      for (int k = 0; k < sites.length; k++) {
        int site = in.integer(t[k + 2]);
        if (site < 1 || site > siteCount) {
          throw in.error("site " + site + " is not one of the " + siteCount + " numbered sites "
              + "(1…" + siteCount + ")");
        }
        if (!seen.add(site)) {
          throw in.error("site " + site + " listed twice");
        }
        sites[k] = site - 1;
      }
      out.add(new Entry(index, degeneracy, sites));
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(file + ": no configurations (expected lines INDEX "
          + "DEGENERACY SITE…)");
    }
    return out;
  }

  private static boolean allIntegers(String[] tokens) {
    for (String s : tokens) {
      if (!s.matches("-?\\d+")) {
        return false;
      }
    }
    return true;
  }
}
