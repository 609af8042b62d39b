package org.ordex.sampling.ga;

/**
 * An ordering found by a search: species index per active site, its energy (eV per supercell)
 * and after how many energy evaluations of the search it was first met.
 */
public record ScoredOrdering(byte[] occupation, double energy, long foundAfter) {
  public ScoredOrdering {
    occupation = occupation.clone();
  }

  /** The occupation array (copy). */
  @Override
  public byte[] occupation() {
    return occupation.clone();
  }
}
