package org.ordex.lattice;

import java.util.List;

/**
 * A set of symmetry-equivalent sites of a parent lattice that allow the same species.
 *
 * @param index position in {@link ParentLattice#sublattices()}
 * @param label the site label of its members (a Wyckoff label such as {@code 8a} for the
 *     built-in prototypes, the species of the input file otherwise)
 * @param allowed indices into {@link ParentLattice#species()} of the species it allows
 * @param sites indices of its parent sites
 */
public record Sublattice(int index, String label, int[] allowed, int[] sites) {

  /** Whether two or more species compete for these sites. */
  public boolean isActive() {
    return allowed.length > 1;
  }

  /** Whether species index {@code s} may sit here. */
  public boolean allows(int s) {
    for (int a : allowed) {
      if (a == s) {
        return true;
      }
    }
    return false;
  }

  /** The allowed species by name. */
  public List<String> allowedNames(List<String> species) {
    return java.util.Arrays.stream(allowed).mapToObj(species::get).toList();
  }
}
