package org.ordex.lattice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A composition of the active sites of a supercell: the number of active sites per species
 * (indexed like {@link ParentLattice#species()}), summed over all active sublattices. Parsed
 * from options like {@code Co=12,Mn=12}, {@code Co=12} (the one remaining species fills the
 * rest) or fractions {@code Co=0.5} (of the active sites; must give a whole number), and
 * checked to fit the supercell. Immutable.
 */
public final class Composition {
  private final Supercell cell;
  private final int[] counts;

  private Composition(Supercell cell, int[] counts) {
    this.cell = cell;
    this.counts = counts;
  }

  /** A composition from counts per global species index; throws when it does not fit. */
  public static Composition of(Supercell cell, int[] counts) {
    int k = cell.parent().species().size();
    if (counts.length != k) {
      throw new IllegalArgumentException("counts for " + counts.length + " species, expected " + k);
    }
    Composition c = new Composition(cell, counts.clone());
    c.checkFits();
    return c;
  }

  /** Parses a composition option such as {@code Co=12,Mn=12} for a supercell. */
  public static Composition parse(String spec, Supercell cell) {
    ParentLattice parent = cell.parent();
    List<String> species = parent.species();
    int n = cell.activeSiteCount();
    int[] counts = new int[species.size()];
    boolean[] given = new boolean[species.size()];
    String s = spec.trim();
    if (s.isEmpty()) {
      throw new InvalidInputException("composition is empty; expected e.g. "
          + example(cell));
    }
    for (String part : s.split("\\s*,\\s*")) {
      String[] kv = part.split("\\s*=\\s*");
      if (kv.length != 2) {
        throw new InvalidInputException("composition '" + spec + "': expected SPECIES=COUNT "
            + "pairs such as " + example(cell) + ", found '" + part + "'");
      }
      int sp = species.indexOf(kv[0].trim());
      if (sp < 0 || !isActiveSpecies(cell, sp)) {
        throw new InvalidInputException("composition '" + spec + "': unknown species '" + kv[0]
            + "'; the active sites take " + activeSpeciesNames(cell));
      }
      if (given[sp]) {
        throw new InvalidInputException("composition '" + spec + "': " + kv[0]
            + " is given twice");
      }
      given[sp] = true;
      counts[sp] = amount(kv[1].trim(), n, spec);
    }
    List<Integer> missing = new ArrayList<>();
    for (int sp = 0; sp < species.size(); sp++) {
      if (!given[sp] && isActiveSpecies(cell, sp)) {
        missing.add(sp);
      }
    }
    int sum = Arrays.stream(counts).sum();
    if (missing.size() == 1) {
      counts[missing.get(0)] = n - sum;
    }
    if (missing.size() > 1 && sum != n) {
      throw new InvalidInputException("composition '" + spec + "': give the counts of all but "
          + "at most one of " + activeSpeciesNames(cell));
    }
    if (Arrays.stream(counts).sum() != n || Arrays.stream(counts).anyMatch(c -> c < 0)) {
      throw new InvalidInputException("composition '" + spec + "' does not fit: the counts must "
          + "be non-negative and add up to the " + n + " active sites");
    }
    return of(cell, counts);
  }

  private static int amount(String text, int n, String spec) {
    double x;
    try {
      x = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("composition '" + spec + "': '" + text
          + "' is neither a count nor a fraction");
    }
    if (x < 0) {
      throw new InvalidInputException("composition '" + spec + "': negative amount " + text);
    }
    if (text.matches("\\d+")) {
      return Integer.parseInt(text);
    }
    double c = x * n;
    if (x > 1 || Math.abs(c - Math.rint(c)) > 1e-9) {
      throw new InvalidInputException("composition '" + spec + "': fraction " + text
          + " of " + n + " active sites is not a whole number of sites");
    }
    return (int) Math.rint(c);
  }

  private static boolean isActiveSpecies(Supercell cell, int sp) {
    for (Sublattice s : cell.parent().sublattices()) {
      if (s.isActive() && s.allows(sp)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> activeSpeciesNames(Supercell cell) {
    List<String> names = new ArrayList<>();
    List<String> species = cell.parent().species();
    for (int sp = 0; sp < species.size(); sp++) {
      if (isActiveSpecies(cell, sp)) {
        names.add(species.get(sp));
      }
    }
    return names;
  }

  private static String example(Supercell cell) {
    List<String> names = activeSpeciesNames(cell);
    int n = cell.activeSiteCount();
    return names.get(0) + "=" + (n / 2) + "," + names.get(1) + "=" + (n - n / 2);
  }

  /**
   * Checks that some arrangement realises the counts: a transport problem from species to
   * classes of active sites with the same allowed set, solved by augmenting paths.
   */
  private void checkFits() {
    int n = cell.activeSiteCount();
    List<int[]> classes = new ArrayList<>();
    List<Integer> capacity = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      int[] allowed = cell.parent().allowed(cell.parentSite(cell.activeSite(a)));
      int c = indexOf(classes, allowed);
      if (c < 0) {
        classes.add(allowed);
        capacity.add(1);
      } else {
        capacity.set(c, capacity.get(c) + 1);
      }
    }
    int[] remaining = capacity.stream().mapToInt(Integer::intValue).toArray();
    int[][] flow = new int[counts.length][classes.size()];
    for (int sp = 0; sp < counts.length; sp++) {
      for (int unit = 0; unit < counts[sp]; unit++) {
        if (!augment(sp, classes, remaining, flow, new boolean[counts.length])) {
          throw new InvalidInputException("composition " + this + " does not fit the "
              + "sublattices of supercell " + cell.describe() + ": too many "
              + cell.parent().species().get(sp) + " for the sites that allow it");
        }
      }
    }
  }

  private static int indexOf(List<int[]> classes, int[] allowed) {
    for (int i = 0; i < classes.size(); i++) {
      if (Arrays.equals(classes.get(i), allowed)) {
        return i;
      }
    }
    return -1;
  }

  /** One unit of species sp into a class, moving other species along an augmenting path. */
  private static boolean augment(int sp, List<int[]> classes, int[] remaining, int[][] flow,
      boolean[] visited) {
    visited[sp] = true;
    for (int c = 0; c < classes.size(); c++) {
      if (!contains(classes.get(c), sp)) {
        continue;
      }
      if (remaining[c] > 0) {
        remaining[c]--;
        flow[sp][c]++;
        return true;
      }
    }
    for (int c = 0; c < classes.size(); c++) {
      if (!contains(classes.get(c), sp)) {
        continue;
      }
      for (int other = 0; other < flow.length; other++) {
        if (!visited[other] && flow[other][c] > 0 && augment(other, classes, remaining, flow,
            visited)) {
          flow[other][c]--;
          flow[sp][c]++;
          return true;
        }
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  public Supercell supercell() {
    return cell;
  }

  /** Number of active sites per global species index (copy). */
  public int[] counts() {
    return counts.clone();
  }

  /** Number of active sites holding species index sp. */
  public int count(int sp) {
    return counts[sp];
  }

  /** Fraction of the active sites holding species index sp. */
  public double fraction(int sp) {
    return counts[sp] / (double) cell.activeSiteCount();
  }

  /** The option form, e.g. {@code Co=12,Mn=12} (active species only). */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (String name : activeSpeciesNames(cell)) {
      int sp = cell.parent().speciesIndex(name);
      b.append(b.length() == 0 ? "" : ",").append(name).append('=').append(counts[sp]);
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Composition c && c.cell == cell && Arrays.equals(c.counts, counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  /** The composition as a label usable in file names: {@code Co12Mn12}. */
  public String label() {
    return toString().replace("=", "").replace(",", "");
  }
}
