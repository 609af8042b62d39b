package org.ordex.analysis;

import java.util.List;

/**
 * Mean-field mixing of a binary: the {@link BraggWilliams} free energy at compositions x
 * (fraction of A on the active sites) relative to the end members, with the sublattice
 * occupations at the minimum. Immutable.
 */
public final class MeanFieldMixing {
  private final BraggWilliams model;

  public MeanFieldMixing(BraggWilliams model) {
    this.model = model;
  }

  /** The mean-field states at T for each x. */
  public BraggWilliams.State[] states(double[] x, double t) {
    BraggWilliams.State[] s = new BraggWilliams.State[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = model.minimize(x[i] * model.siteCount(), t);
    }
    return s;
  }

  /** ΔF_mix per active site (eV) of states at compositions x (ascending, 0 … 1). */
  public double[] mixingFreeEnergyPerSite(double[] x, BraggWilliams.State[] states) {
    double[] f = new double[x.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = states[i].freeEnergy();
    }
    double[] d = Mixing.relativeToEndMembers(x, f);
    for (int i = 0; i < d.length; i++) {
      d[i] /= model.siteCount();
    }
    return d;
  }

  /** The two-phase regions at T on the composition grid x. */
  public List<CommonTangents.TwoPhase> twoPhaseRegions(double[] x, double t) {
    return CommonTangents.twoPhaseRegions(x, mixingFreeEnergyPerSite(x, states(x, t)), 1e-10);
  }
}
