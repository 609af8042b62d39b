package org.ordex.potentials.mtp;

import java.util.List;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.SupercellEnergy;

/**
 * A trained Moment Tensor Potential as an on-lattice {@link EnergyModel}: the geometry is
 * fixed (the ideal sites of the supercell, or given positions) and only the species on the
 * active sites change. Energies equal the off-lattice {@link MtpCalculator} on the same
 * structure; swaps and flips update only the moments of sites within max_dist of the changed
 * sites. Element names of the parent lattice map to the potential's types through an explicit
 * {@link MlipTypes} list; fixed species (O in spinels) enter through their neighbourhoods.
 * Immutable.
 */
public final class MtpEnergyModel implements EnergyModel {
  private final MtpPotential potential;
  private final MlipTypes species;
  private final MtpKernel kernel;
  /** The contraction the bound evaluators run (the cheapest for the potential's basis). */
  private final SiteBatch.Program program;

  private MtpEnergyModel(MtpPotential potential, MlipTypes species) {
    potential.speciesCoeffs();
    this.potential = potential;
    this.species = species.requireCount(potential.speciesCount(), "the potential");
    this.kernel = new MtpKernel(potential);
    this.program = SiteBatch.Program.cheapest(kernel, potential);
  }

  /** The model of a trained potential whose type i is element {@code species.element(i)}. */
  public static MtpEnergyModel of(MtpPotential potential, MlipTypes species) {
    return new MtpEnergyModel(potential, species);
  }

  public MtpPotential potential() {
    return potential;
  }

  public MlipTypes species() {
    return species;
  }

  @Override
  public String describe() {
    return potential.describe() + ", types " + species;
  }

  /** Binds to the ideal site positions of {@code cell}. */
  @Override
  public SupercellEnergy bind(Supercell cell) {
    double[][] cart = new double[cell.size()][];
    for (int s = 0; s < cart.length; s++) {
      cart[s] = cell.cartesian(s);
    }
    return bind(cell, cart);
  }

  /**
   * Binds to fixed Cartesian positions (Å) of the supercell's sites, e.g. a relaxed
   * structure, site by site in the supercell's order.
   */
  public SupercellEnergy bind(Supercell cell, double[][] cartesian) {
    if (cartesian.length != cell.size()) {
      throw new InvalidInputException(cartesian.length + " positions given for the "
          + cell.size() + " sites of supercell " + cell.describe());
    }
    return new MtpSupercellEnergy(cell, kernel, program, typeOfSpecies(cell.parent()),
        cartesian);
  }

  /** The potential's type of every parent-lattice species (global numbering). */
  private int[] typeOfSpecies(ParentLattice parent) {
    List<String> names = parent.species();
    int[] t = new int[names.size()];
    for (int s = 0; s < t.length; s++) {
      if (!species.elements().contains(names.get(s))) {
        throw new InvalidInputException("species " + names.get(s) + " of the lattice is not "
            + "among the potential's types " + species + " (set them with --species)");
      }
      t[s] = species.type(names.get(s));
    }
    return t;
  }
}
