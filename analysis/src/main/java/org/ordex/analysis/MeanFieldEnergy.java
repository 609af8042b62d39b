package org.ordex.analysis;

/**
 * The energy of the point (Bragg–Williams) approximation of a binary on a lattice with one or
 * more active sublattices: sites are occupied independently, species A with probability c_l
 * on every site of sublattice l. Energy in eV per supercell.
 */
public interface MeanFieldEnergy {
  /** Number of active sublattices (the length of c). */
  int sublatticeCount();

  /** E(c) for the fractions c_l of species A on the active sublattices. */
  double energy(double[] c);

  /** How the energy was obtained (for reports). */
  String describe();
}
