package org.ordex.lattice;

import java.util.Arrays;

/**
 * An arrangement of species on the active sites of a supercell: one species index (into
 * {@link ParentLattice#species()}) per active site, stored as a byte array. Immutable snapshot;
 * samplers work on their own mutable byte arrays and take snapshots for results.
 */
public final class Configuration {
  private final Supercell supercell;
  private final byte[] occupation;

  private Configuration(Supercell supercell, byte[] occupation) {
    this.supercell = supercell;
    this.occupation = occupation;
  }

  /**
   * A configuration from species indices per active site; each must be allowed on its site.
   */
  public static Configuration of(Supercell supercell, byte[] occupation) {
    if (occupation.length != supercell.activeSiteCount()) {
      throw new InvalidInputException("configuration has " + occupation.length
          + " occupations but the supercell has " + supercell.activeSiteCount()
          + " active sites");
    }
    ParentLattice parent = supercell.parent();
    for (int a = 0; a < occupation.length; a++) {
      int p = supercell.parentSite(supercell.activeSite(a));
      if (!parent.sublatticeOf(p).allows(occupation[a])) {
        throw new InvalidInputException("species " + speciesName(parent, occupation[a])
            + " is not allowed on active site " + a + " (sublattice "
            + parent.sublatticeOf(p).label() + ")");
      }
    }
    return new Configuration(supercell, occupation.clone());
  }

  private static String speciesName(ParentLattice parent, int s) {
    return s >= 0 && s < parent.species().size() ? parent.species().get(s) : "#" + s;
  }

  /**
   * The configuration of a structure whose atoms sit on the ideal sites of the supercell
   * (within {@code tolerance} Å, same cell); fixed sites must hold their fixed species.
   */
  public static Configuration fromStructure(Supercell supercell, Structure s, double tolerance) {
    int[] siteOf = SiteAssignment.sites(supercell, s, tolerance);
    return new Configuration(supercell, new SiteAssignment(supercell, siteOf).occupation(s));
  }

  public Supercell supercell() {
    return supercell;
  }

  public int size() {
    return occupation.length;
  }

  /** Species index on active site a. */
  public int species(int a) {
    return occupation[a];
  }

  /** The occupation array (copy). */
  public byte[] occupation() {
    return occupation.clone();
  }

  /** Number of active sites per species, indexed like {@link ParentLattice#species()}. */
  public int[] composition() {
    int[] c = new int[supercell.parent().species().size()];
    for (byte b : occupation) {
      c[b]++;
    }
    return c;
  }

  /** Species counts per sublattice: [sublattice][species]. */
  public int[][] sublatticeComposition() {
    ParentLattice parent = supercell.parent();
    int[][] c = new int[parent.sublattices().size()][parent.species().size()];
    for (int a = 0; a < occupation.length; a++) {
      int p = supercell.parentSite(supercell.activeSite(a));
      c[parent.sublatticeOf(p).index()][occupation[a]]++;
    }
    return c;
  }

  /** Species name on every supercell site (fixed sites hold their only allowed species). */
  public String[] siteSpecies() {
    ParentLattice parent = supercell.parent();
    String[] names = new String[supercell.size()];
    for (int s = 0; s < names.length; s++) {
      int a = supercell.activeIndex(s);
      int sp = a >= 0 ? occupation[a] : parent.allowed(supercell.parentSite(s))[0];
      names[s] = parent.species().get(sp);
    }
    return names;
  }

  /** The ideal structure of this configuration (to write POSCAR or extxyz). */
  public Structure toStructure() {
    return supercell.structure(siteSpecies());
  }

  /** The image of this configuration under an active-site permutation. */
  public Configuration permuted(int[] perm) {
    byte[] p = new byte[occupation.length];
    for (int a = 0; a < p.length; a++) {
      p[perm[a]] = occupation[a];
    }
    return new Configuration(supercell, p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Configuration c && c.supercell == supercell
        && Arrays.equals(c.occupation, occupation);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(occupation);
  }
}
