package org.ordex.potentials;

import org.ordex.lattice.Supercell;

/**
 * An energy model of a parent lattice (a cluster expansion, an on-lattice Moment Tensor
 * Potential, …). It is bound to one supercell at a time for scoring; every enumerator,
 * sampler and genetic search speaks only this interface.
 */
public interface EnergyModel {
  /** A one-line description: the kind of model and its size. */
  String describe();

  /**
   * The model's energies of configurations of {@code cell}. Throws
   * {@link org.ordex.lattice.InvalidInputException} when the model does not fit the cell
   * (other species, other parent lattice).
   */
  SupercellEnergy bind(Supercell cell);
}
