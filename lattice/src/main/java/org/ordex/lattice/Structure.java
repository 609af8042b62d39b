package org.ordex.lattice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A periodic arrangement of atoms: a lattice, the fractional coordinates of each site and the
 * chemical species on it. Positions are kept as given (not wrapped into the cell); directions
 * may be non-periodic (slabs, clusters) through {@link #periodic()}. Immutable.
 */
public final class Structure {
  private final Lattice lattice;
  private final double[][] fractional;
  private final String[] species;
  private final boolean[] periodic;

  private Structure(Lattice lattice, double[][] fractional, String[] species, boolean[] periodic) {
    if (fractional.length != species.length) {
      throw new IllegalArgumentException(fractional.length + " positions but " + species.length
          + " species");
    }
    this.lattice = lattice;
    this.fractional = new double[fractional.length][];
    for (int i = 0; i < fractional.length; i++) {
      if (fractional[i].length != 3) {
        throw new IllegalArgumentException("position " + i + " is not 3-dimensional");
      }
      this.fractional[i] = fractional[i].clone();
    }
    this.species = species.clone();
    this.periodic = periodic.clone();
  }

  /** A structure periodic in all three directions. */
  public static Structure of(Lattice lattice, double[][] fractional, String[] species) {
    return new Structure(lattice, fractional, species, new boolean[] {true, true, true});
  }

  /** A structure periodic only along the flagged lattice directions. */
  public static Structure of(Lattice lattice, double[][] fractional, String[] species,
      boolean[] periodic) {
    return new Structure(lattice, fractional, species, periodic);
  }

  /** A structure from Cartesian positions (Å). */
  public static Structure fromCartesian(Lattice lattice, double[][] cartesian, String[] species,
      boolean[] periodic) {
    double[][] f = new double[cartesian.length][];
    for (int i = 0; i < cartesian.length; i++) {
      f[i] = lattice.toFractional(cartesian[i]);
    }
    return new Structure(lattice, f, species, periodic);
  }

  public Lattice lattice() {
    return lattice;
  }

  public int size() {
    return species.length;
  }

  /** Fractional coordinates of site i (copy). */
  public double[] fractional(int i) {
    return fractional[i].clone();
  }

  /** Cartesian position of site i (Å). */
  public double[] cartesian(int i) {
    return lattice.toCartesian(fractional[i]);
  }

  public String species(int i) {
    return species[i];
  }

  /** Species of every site (copy). */
  public String[] species() {
    return species.clone();
  }

  /** Periodicity flags of the three lattice directions (copy). */
  public boolean[] periodic() {
    return periodic.clone();
  }

  /** Distinct species in order of first appearance. */
  public List<String> speciesOrder() {
    List<String> order = new ArrayList<>();
    for (String s : species) {
      if (!order.contains(s)) {
        order.add(s);
      }
    }
    return order;
  }

  /** Number of sites per species, in order of first appearance. */
  public Map<String, Integer> speciesCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : species) {
      counts.merge(s, 1, Integer::sum);
    }
    return counts;
  }

  /** The same sites with other species. */
  public Structure withSpecies(String[] newSpecies) {
    return new Structure(lattice, fractional, newSpecies, periodic);
  }

  /** Chemical formula such as {@code Co3O4} (species in order of first appearance). */
  public String formula() {
    StringBuilder b = new StringBuilder();
    speciesCounts().forEach((s, n) -> b.append(s).append(n == 1 ? "" : n));
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Structure s && lattice.equals(s.lattice)
        && Arrays.deepEquals(fractional, s.fractional) && Arrays.equals(species, s.species)
        && Arrays.equals(periodic, s.periodic);
  }

  @Override
  public int hashCode() {
    return lattice.hashCode() * 31 + Arrays.hashCode(species);
  }

  @Override
  public String toString() {
    return "Structure[" + formula() + ", " + size() + " sites]";
  }
}
