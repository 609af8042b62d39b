package org.ordex.sampling;

import java.util.Arrays;
import org.ordex.potentials.Units;

/**
 * A statistical ensemble: which moves a chain makes and how they are accepted. Canonical
 * chains swap the species of two sites (composition fixed); semi-grand-canonical chains flip
 * one site to another allowed species at fixed chemical-potential differences; the
 * variance-constrained semi-grand-canonical ensemble (Sadigh and Erhart, PRB 86, 134204, 2012)
 * flips with a Gaussian bias on the composition, so that two-phase regions can be sampled.
 * Species are numbered as in the parent lattice.
 */
public sealed interface Ensemble {
  /** Short name: canonical, sgc or vcsgc. */
  String name();

  /** Whether the moves are swaps (composition fixed) rather than flips. */
  boolean swaps();

  /**
   * The logarithm of the acceptance weight of flipping a site from species a to b beyond
   * −ΔE/k_BT, given the current species counts over {@code sites} active sites.
   */
  double flipLogBias(int a, int b, int[] counts, int sites, double beta);

  /**
   * The part of the ensemble's weight that is multiplied by 1/k_BT, in eV per supercell: the
   * energy, minus Σ Δμ_s N_s in the semi-grand-canonical ensemble. Replica exchange between
   * temperatures accepts with exp[(β_i − β_j)(H_i − H_j)] of this quantity.
   */
  double thermalEnergy(double energy, int[] counts);

  /** The canonical ensemble: swaps at fixed composition. */
  record Canonical() implements Ensemble {
    @Override
    public String name() {
      return "canonical";
    }

    @Override
    public boolean swaps() {
      return true;
    }

    @Override
    public double flipLogBias(int a, int b, int[] counts, int sites, double beta) {
      throw new UnsupportedOperationException("the canonical ensemble makes no flips");
    }

    @Override
    public double thermalEnergy(double energy, int[] counts) {
      return energy;
    }
  }

  /**
   * The semi-grand-canonical ensemble: weight exp[−(E − Σ_s Δμ_s N_s)/k_BT], with Δμ_s the
   * chemical potential of species s relative to the reference species (eV; 0 for it).
   */
  record SemiGrandCanonical(double[] dmu) implements Ensemble {
    public SemiGrandCanonical {
      dmu = dmu.clone();
    }

    @Override
    public String name() {
      return "sgc";
    }

    @Override
    public boolean swaps() {
      return false;
    }

    @Override
    public double flipLogBias(int a, int b, int[] counts, int sites, double beta) {
      return beta * (dmu[b] - dmu[a]);
    }

    @Override
    public double thermalEnergy(double energy, int[] counts) {
      double h = energy;
      for (int s = 0; s < dmu.length; s++) {
        h -= dmu[s] * counts[s];
      }
      return h;
    }

    @Override
    public double[] dmu() {
      return dmu.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SemiGrandCanonical g && Arrays.equals(g.dmu, dmu);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(dmu);
    }

    @Override
    public String toString() {
      return "SemiGrandCanonical" + Arrays.toString(dmu);
    }
  }

  /**
   * The variance-constrained semi-grand-canonical ensemble: weight
   * exp[−E/k_BT − κ N Σ_s (c_s + φ_s/2)²] over the species s with a φ (all but one), with c_s
   * = N_s/N the concentration over the N active sites. For κ large the concentration stays
   * near −φ_s/2, and the canonical free energy derivative follows from
   * (1/N) ∂F/∂c_s = −κ k_BT (φ_s + 2⟨c_s⟩).
   *
   * @param phi φ_s per species, NaN for the species without a constraint
   */
  record VarianceConstrained(double[] phi, double kappa) implements Ensemble {
    public VarianceConstrained {
      phi = phi.clone();
    }

    @Override
    public String name() {
      return "vcsgc";
    }

    @Override
    public boolean swaps() {
      return false;
    }

    @Override
    public double flipLogBias(int a, int b, int[] counts, int sites, double beta) {
      double inv = 1.0 / sites;
      double bias = 0;
      if (!Double.isNaN(phi[a])) {
        bias -= kappa * (inv - 2.0 * counts[a] * inv - phi[a]);
      }
      if (!Double.isNaN(phi[b])) {
        bias -= kappa * (inv + 2.0 * counts[b] * inv + phi[b]);
      }
      return bias;
    }

    @Override
    public double thermalEnergy(double energy, int[] counts) {
      return energy;
    }

    /** (1/N) ∂F/∂c_s = −κ k_BT (φ_s + 2 c_s) at concentration c_s (eV per site). */
    public double freeEnergyDerivative(int s, double concentration, double temperature) {
      return -kappa * Units.KB * temperature * (phi[s] + 2 * concentration);
    }

    @Override
    public double[] phi() {
      return phi.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof VarianceConstrained v && Arrays.equals(v.phi, phi)
          && v.kappa == kappa;
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(phi) + Double.hashCode(kappa);
    }

    @Override
    public String toString() {
      return "VarianceConstrained" + Arrays.toString(phi) + ", kappa=" + kappa;
    }
  }
}
