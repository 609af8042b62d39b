package org.ordex.sampling.ga;

import io.jenetics.Gene;
import io.jenetics.util.RandomRegistry;

/**
 * One active site's species as a Jenetics gene: the species index and the species the site
 * allows. A gene on its own cannot keep the composition; {@link OccupationChromosome} and the
 * alterers of this package do. Immutable.
 */
public final class SpeciesGene implements Gene<Byte, SpeciesGene> {
  private final byte species;
  private final byte[] allowed;

  SpeciesGene(byte species, byte[] allowed) {
    this.species = species;
    this.allowed = allowed;
  }

  @Override
  public Byte allele() {
    return species;
  }

  /** A gene with a random allowed species (Jenetics' contract; the search never uses it). */
  @Override
  public SpeciesGene newInstance() {
    return new SpeciesGene(allowed[RandomRegistry.random().nextInt(allowed.length)], allowed);
  }

  @Override
  public SpeciesGene newInstance(Byte value) {
    return new SpeciesGene(value, allowed);
  }

  @Override
  public boolean isValid() {
    return FixedComposition.indexOf(allowed, species) >= 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpeciesGene g && g.species == species;
  }

  @Override
  public int hashCode() {
    return species;
  }

  @Override
  public String toString() {
    return Byte.toString(species);
  }
}
