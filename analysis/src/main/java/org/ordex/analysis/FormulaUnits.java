package org.ordex.analysis;

import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * Formula units per supercell: the greatest common divisor of the sublattices' site counts,
 * i.e. the smallest repeat of the site counts (spinel (Co,Mn)3O4: 8a 8 + 16d 16 + 32e 32
 * sites per conventional cell → 8 formula units AB2O4; one species on one lattice → one per
 * site).
 */
public final class FormulaUnits {
  private FormulaUnits() {}

  /** Formula units in {@code cell}. */
  public static int of(Supercell cell) {
    int g = 0;
    for (Sublattice s : cell.parent().sublattices()) {
      g = gcd(g, s.sites().length * cell.volumeFactor());
    }
    return g;
  }

  private static int gcd(int x, int y) {
    return y == 0 ? x : gcd(y, x % y);
  }
}
