package org.ordex.analysis;

import java.util.List;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;

/**
 * A binary A/B on the active sublattices of a supercell (every active sublattice allows the
 * same two species), with the counts that turn per-supercell values into per-cation and
 * per-formula-unit values ({@link FormulaUnits}). A is the first species of the first active
 * sublattice.
 *
 * @param a global index of species A
 * @param b global index of species B
 * @param names the species names, A first
 * @param sublattices the active sublattices
 * @param sites sites of each active sublattice in the supercell
 * @param formulaUnits formula units per supercell
 */
public record BinaryLattice(int a, int b, List<String> names, List<Sublattice> sublattices,
    int[] sites, int formulaUnits) {

  /** The binary of a supercell; anything but a binary is bad input. */
  public static BinaryLattice of(Supercell cell) {
    ParentLattice parent = cell.parent();
    List<Sublattice> active = ClusterExpansionMeanField.activeBinary(parent);
    int[] allowed = active.get(0).allowed();
    int[] sites = new int[active.size()];
    for (int l = 0; l < sites.length; l++) {
      sites[l] = active.get(l).sites().length * cell.volumeFactor();
    }
    return new BinaryLattice(allowed[0], allowed[1], List.of(parent.species().get(allowed[0]),
        parent.species().get(allowed[1])), active, sites, FormulaUnits.of(cell));
  }

  /** Number of active (mixing) sites. */
  public int activeSites() {
    int n = 0;
    for (int s : sites) {
      n += s;
    }
    return n;
  }
}
