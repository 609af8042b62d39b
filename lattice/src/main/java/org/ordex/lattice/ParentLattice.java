package org.ordex.lattice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A primitive or conventional cell whose every site carries the species allowed on it. Sites
 * with two or more allowed species are <em>active</em>; symmetry-equivalent sites with the
 * same allowed set form a {@link Sublattice}. The space group is found from the geometry and
 * the allowed sets, never typed in. Species are numbered globally in order of first
 * appearance in the allowed lists; configurations store these numbers. Immutable.
 */
public final class ParentLattice {
  private final Structure structure;
  private final String[] labels;
  private final int[][] allowed;
  private final List<String> species;
  private final SpaceGroup spaceGroup;
  private final List<Sublattice> sublattices;
  private final int[] sublatticeOfSite;
  private final double tolerance;

  private ParentLattice(Structure structure, String[] labels, List<List<String>> allowedNames,
      double tolerance) {
    int n = structure.size();
    if (labels.length != n || allowedNames.size() != n) {
      throw new IllegalArgumentException("one label and one allowed list per site needed");
    }
    this.labels = labels.clone();
    this.tolerance = tolerance;
    List<String> order = new ArrayList<>();
    this.allowed = new int[n][];
    String[] keys = new String[n];
    String[] representative = new String[n];
    for (int i = 0; i < n; i++) {
      List<String> a = allowedNames.get(i);
      if (a.isEmpty()) {
        throw new InvalidInputException("site " + i + " (" + labels[i] + ") allows no species");
      }
      if (a.stream().distinct().count() != a.size()) {
        throw new InvalidInputException("site label " + labels[i] + " lists a species twice: "
            + a);
      }
      allowed[i] = new int[a.size()];
      for (int k = 0; k < a.size(); k++) {
        if (!order.contains(a.get(k))) {
          order.add(a.get(k));
        }
        allowed[i][k] = order.indexOf(a.get(k));
      }
      keys[i] = String.join(",", a);
      representative[i] = a.get(0);
    }
    if (order.size() > Byte.MAX_VALUE) {
      throw new InvalidInputException("at most " + Byte.MAX_VALUE + " species are supported");
    }
    this.species = Collections.unmodifiableList(order);
    this.structure = structure.withSpecies(representative);
    this.spaceGroup = SpaceGroup.find(structure, keys, tolerance);
    int[] orbit = spaceGroup.siteOrbits();
    List<Sublattice> subs = new ArrayList<>();
    this.sublatticeOfSite = new int[n];
    Map<Integer, Integer> byOrbit = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byOrbit.computeIfAbsent(orbit[i], o -> byOrbit.size());
    }
    for (Map.Entry<Integer, Integer> e : byOrbit.entrySet()) {
      int rep = e.getKey();
      int[] members = java.util.stream.IntStream.range(0, n).filter(i -> orbit[i] == rep)
          .toArray();
      for (int m : members) {
        sublatticeOfSite[m] = e.getValue();
      }
      subs.add(new Sublattice(e.getValue(), labels[rep], allowed[rep].clone(), members));
    }
    this.sublattices = Collections.unmodifiableList(subs);
  }

  /**
   * A parent lattice from a structure, a label per site and the allowed species per label.
   * Every label must be covered by the map and every map entry must name a label.
   */
  public static ParentLattice of(Structure structure, String[] labels,
      Map<String, List<String>> allowedByLabel, double tolerance) {
    for (String key : allowedByLabel.keySet()) {
      if (!Arrays.asList(labels).contains(key)) {
        throw new InvalidInputException("no site is labelled '" + key + "'; labels are "
            + distinct(labels));
      }
    }
    List<List<String>> allowed = new ArrayList<>();
    for (String l : labels) {
      List<String> a = allowedByLabel.get(l);
      if (a == null) {
        throw new InvalidInputException("the species allowed on sites labelled '" + l
            + "' are not given; labels are " + distinct(labels));
      }
      allowed.add(List.copyOf(a));
    }
    return new ParentLattice(structure, labels, allowed, tolerance);
  }

  /** A parent lattice with the allowed species given per site. */
  public static ParentLattice of(Structure structure, String[] labels,
      List<List<String>> allowedPerSite, double tolerance) {
    return new ParentLattice(structure, labels, allowedPerSite, tolerance);
  }

  private static List<String> distinct(String[] labels) {
    return Arrays.stream(labels).distinct().toList();
  }

  /** The parent cell; each site holds its first allowed species. */
  public Structure structure() {
    return structure;
  }

  public int size() {
    return structure.size();
  }

  /** Every species that may occur, in the global numbering. */
  public List<String> species() {
    return species;
  }

  /** Global index of a species name, or -1. */
  public int speciesIndex(String name) {
    return species.indexOf(name);
  }

  /** Indices of the species allowed on parent site i (copy). */
  public int[] allowed(int site) {
    return allowed[site].clone();
  }

  public String label(int site) {
    return labels[site];
  }

  public boolean isActive(int site) {
    return allowed[site].length > 1;
  }

  /** The symmetry tolerance (Å) the space group was found with. */
  public double tolerance() {
    return tolerance;
  }

  public SpaceGroup spaceGroup() {
    return spaceGroup;
  }

  public List<Sublattice> sublattices() {
    return sublattices;
  }

  public Sublattice sublatticeOf(int site) {
    return sublattices.get(sublatticeOfSite[site]);
  }

  /** Number of active parent sites. */
  public int activeSiteCount() {
    int c = 0;
    for (int[] a : allowed) {
      if (a.length > 1) {
        c++;
      }
    }
    return c;
  }
}
