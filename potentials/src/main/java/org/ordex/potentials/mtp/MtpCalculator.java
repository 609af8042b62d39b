package org.ordex.potentials.mtp;

import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.Structure;

/**
 * Off-lattice evaluation of a trained Moment Tensor Potential, as MLIP-2's
 * {@code mlp calc-efs} does it: energy (eV), forces (eV/Å), PlusStress (the virial
 * −∂E/∂ε in eV, not divided by the volume; Voigt order xx yy zz yz xz xy) and per-atom
 * energies of any structure, periodic in all, some or none of its directions, with every
 * neighbour closer than max_dist including periodic images in small cells. Thread-safe
 * (scratch space is allocated per call).
 */
public final class MtpCalculator {
  private final MtpPotential potential;
  private final MtpKernel kernel;

  /** A calculator for a trained potential (a template is bad input). */
  public MtpCalculator(MtpPotential potential) {
    potential.speciesCoeffs();
    this.potential = potential;
    this.kernel = new MtpKernel(potential);
  }

  public MtpPotential potential() {
    return potential;
  }

  /**
   * The results of one evaluation.
   *
   * @param energy total energy (eV)
   * @param forces force on each atom (eV/Å)
   * @param plusStress virial −∂E/∂ε (eV), Voigt order xx yy zz yz xz xy
   * @param siteEnergies energy of each atom (eV), summing to {@code energy}
   * @param minDistance shortest interatomic distance found within max_dist (Å; +∞ if none)
   */
  public record Result(double energy, double[][] forces, double[] plusStress,
      double[] siteEnergies, double minDistance) {
    /** Whether two atoms are closer than the potential's min_dist (MLIP extrapolates there). */
    public boolean belowMinDist(MtpPotential p) {
      return minDistance < p.minDist();
    }
  }

  /** Evaluates an MLIP configuration (its types index the potential's species). */
  public Result compute(MlipCfg cfg) {
    return compute(cfg.cartesian(), cfg.types(), cfg.cellRows());
  }

  /** Evaluates a frame's structure with element names mapped to types by {@code map}. */
  public Result compute(Frame frame, MlipTypes map) {
    return compute(MlipCfg.of(Frame.of(frame.structure()), map));
  }

  /** Evaluates a structure with element names mapped to types by {@code map}. */
  public Result compute(Structure structure, MlipTypes map) {
    return compute(Frame.of(structure), map);
  }

  /**
   * Evaluates atoms at Cartesian positions (Å) with the given types; {@code cellRows} are
   * three lattice vectors, a zero row marking a non-periodic direction.
   */
  public Result compute(double[][] cartesian, int[] types, double[][] cellRows) {
    checkTypes(types);
    return compute(kernel, Neighbourhoods.build(cartesian, cellRows, kernel.maxDist), types);
  }

  /** Evaluates atoms of the given types with precomputed neighbourhoods. */
  static Result compute(MtpKernel kernel, Neighbourhoods nb, int[] types) {
    int n = types.length;
    double[][] forces = new double[n][3];
    double[][] stress = new double[3][3];
    double[] site = new double[n];
    double energy = 0;
    MtpKernel.Scratch s = kernel.scratch();
    double[] der = new double[3];
    for (int i = 0; i < n; i++) {
      int tc = types[i];
      java.util.Arrays.fill(s.moments, 0);
      double rep = 0;
      for (int e = nb.start[i]; e < nb.start[i + 1]; e++) {
        kernel.addNeighbour(tc, types[nb.atom[e]], nb.vec[3 * e], nb.vec[3 * e + 1],
            nb.vec[3 * e + 2], nb.dist[e], s, s.moments, 0);
        rep += kernel.repulsion(nb.dist[e]);
      }
      kernel.contract(s.moments);
      site[i] = kernel.energy(tc, s.moments, rep);
      energy += site[i];
      kernel.momentDerivatives(s.moments, s.dEdm);
      for (int e = nb.start[i]; e < nb.start[i + 1]; e++) {
        der[0] = 0;
        der[1] = 0;
        der[2] = 0;
        double x = nb.vec[3 * e];
        double y = nb.vec[3 * e + 1];
        double z = nb.vec[3 * e + 2];
        kernel.neighbourGradient(tc, types[nb.atom[e]], x, y, z, nb.dist[e], s, der);
        int j = nb.atom[e];
        for (int a = 0; a < 3; a++) {
          forces[i][a] += der[a];
          forces[j][a] -= der[a];
        }
        for (int a = 0; a < 3; a++) {
          stress[a][0] -= der[a] * x;
          stress[a][1] -= der[a] * y;
          stress[a][2] -= der[a] * z;
        }
      }
    }
    double[] plus = {stress[0][0], stress[1][1], stress[2][2], stress[1][2], stress[0][2],
        stress[0][1]};
    return new Result(energy, forces, plus, site, nb.minDistance());
  }

  /** Total energy only (eV); cheaper than {@link #compute}. */
  public double energy(double[][] cartesian, int[] types, double[][] cellRows) {
    checkTypes(types);
    Neighbourhoods nb = Neighbourhoods.build(cartesian, cellRows, kernel.maxDist);
    MtpKernel.Scratch s = kernel.scratch();
    double energy = 0;
    for (int i = 0; i < types.length; i++) {
      java.util.Arrays.fill(s.moments, 0);
      double rep = 0;
      for (int e = nb.start[i]; e < nb.start[i + 1]; e++) {
        kernel.addNeighbour(types[i], types[nb.atom[e]], nb.vec[3 * e], nb.vec[3 * e + 1],
            nb.vec[3 * e + 2], nb.dist[e], s, s.moments, 0);
        rep += kernel.repulsion(nb.dist[e]);
      }
      kernel.contract(s.moments);
      energy += kernel.energy(types[i], s.moments, rep);
    }
    return energy;
  }

  /**
   * The gradient of the total energy with respect to every coefficient of the potential, in
   * MLIP's order: the C²·K·R radial coefficients ({@link MtpPotential#radialCoeffs()}), then
   * the C species coefficients, then the moment coefficients. The energy is linear in the last
   * two groups, so their entries are the linear basis-function vector of the configuration
   * (atoms per species, then each scalar moment basis function summed over atoms).
   */
  public double[] energyGradient(MlipCfg cfg) {
    int[] types = cfg.types();
    checkTypes(types);
    Neighbourhoods nb = Neighbourhoods.build(cfg.cartesian(), cfg.cellRows(), kernel.maxDist);
    MtpKernel.Scratch s = kernel.scratch();
    double[] grad = new double[kernel.coefficientCount()];
    int speciesOffset = kernel.species * kernel.species * kernel.radialFuncs * kernel.basisSize;
    int momentOffset = speciesOffset + kernel.species;
    for (int i = 0; i < types.length; i++) {
      int tc = types[i];
      java.util.Arrays.fill(s.moments, 0);
      for (int e = nb.start[i]; e < nb.start[i + 1]; e++) {
        kernel.addNeighbour(tc, types[nb.atom[e]], nb.vec[3 * e], nb.vec[3 * e + 1],
            nb.vec[3 * e + 2], nb.dist[e], s, s.moments, 0);
      }
      kernel.contract(s.moments);
      grad[speciesOffset + tc] += 1;
      for (int k = 0; k < kernel.scalarCount; k++) {
        grad[momentOffset + k] += s.moments[kernel.mapping[k]];
      }
      kernel.momentDerivatives(s.moments, s.dEdm);
      for (int e = nb.start[i]; e < nb.start[i + 1]; e++) {
        kernel.neighbourRadialGradient(tc, types[nb.atom[e]], nb.vec[3 * e], nb.vec[3 * e + 1],
            nb.vec[3 * e + 2], nb.dist[e], s, grad);
      }
    }
    return grad;
  }

  private void checkTypes(int[] types) {
    for (int i = 0; i < types.length; i++) {
      if (types[i] < 0 || types[i] >= kernel.species) {
        throw new InvalidInputException("atom " + (i + 1) + " has type " + types[i]
            + " but the potential '" + potential.name() + "' has " + kernel.species
            + " species (types 0.." + (kernel.species - 1) + ")");
      }
    }
  }
}
