package org.ordex.sampling.ga;

import io.jenetics.Chromosome;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.Arrays;

/**
 * An arrangement of a {@link FixedComposition} as a Jenetics chromosome: one
 * {@link SpeciesGene} per active site, stored as a byte array (species index per active
 * site). It is valid when it has the composition, and every instance the search makes does.
 * Immutable: alterers build new chromosomes from copies.
 */
public final class OccupationChromosome implements Chromosome<SpeciesGene> {
  private final FixedComposition composition;
  private final byte[] occupation;

  private OccupationChromosome(FixedComposition composition, byte[] occupation) {
    this.composition = composition;
    this.occupation = occupation;
  }

  /** The chromosome of an occupation array (copied); it need not have the composition. */
  public static OccupationChromosome of(FixedComposition composition, byte[] occupation) {
    if (occupation.length != composition.size()) {
      throw new IllegalArgumentException(occupation.length + " occupations for "
          + composition.size() + " active sites");
    }
    return new OccupationChromosome(composition, occupation.clone());
  }

  /** A uniformly random arrangement, drawn from Jenetics' random registry. */
  public static OccupationChromosome random(FixedComposition composition) {
    return new OccupationChromosome(composition, composition.random(RandomRegistry.random()));
  }

  /** Takes ownership of {@code occupation} (no copy): for the alterers of this package. */
  static OccupationChromosome wrap(FixedComposition composition, byte[] occupation) {
    return new OccupationChromosome(composition, occupation);
  }

  public FixedComposition composition() {
    return composition;
  }

  /** The occupation array (copy). */
  public byte[] occupation() {
    return occupation.clone();
  }

  /** The occupation array itself: read only. */
  byte[] bytes() {
    return occupation;
  }

  @Override
  public SpeciesGene get(int index) {
    return new SpeciesGene(occupation[index], composition.allowedAt(index));
  }

  @Override
  public int length() {
    return occupation.length;
  }

  @Override
  public boolean isValid() {
    return composition.accepts(occupation);
  }

  @Override
  public Chromosome<SpeciesGene> newInstance(ISeq<SpeciesGene> genes) {
    byte[] occ = new byte[genes.length()];
    for (int i = 0; i < occ.length; i++) {
      occ[i] = genes.get(i).allele();
    }
    return of(composition, occ);
  }

  @Override
  public Chromosome<SpeciesGene> newInstance() {
    return random(composition);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OccupationChromosome c && Arrays.equals(c.occupation, occupation);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(occupation);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(occupation.length);
    for (byte s : occupation) {
      b.append(s);
    }
    return b.toString();
  }
}
