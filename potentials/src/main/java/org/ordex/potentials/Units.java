package org.ordex.potentials;

/** Physical constants shared by the models, enumerators and samplers. */
public final class Units {
  /** Boltzmann's constant, eV/K (CODATA 2018). */
  public static final double KB = 8.617333262e-5;

  private Units() {}
}
