package org.ordex.potentials;

import org.ordex.lattice.Configuration;
import org.ordex.lattice.Supercell;

/**
 * An energy model bound to one supercell: total energies (eV per supercell) of occupation
 * arrays (species index per active site, see {@link Configuration}), and incremental
 * evaluators. Immutable and thread-safe; each thread takes its own evaluator.
 */
public interface SupercellEnergy {
  Supercell supercell();

  /** Total energy (eV per supercell) of an occupation array. */
  double energy(byte[] occupation);

  /** Total energy (eV per supercell) of a configuration. */
  default double energy(Configuration c) {
    return energy(c.occupation());
  }

  /** A new incremental evaluator working on a copy of {@code occupation}. */
  MoveEvaluator evaluator(byte[] occupation);
}
