package org.ordex.lattice;

import java.math.BigInteger;

/**
 * The number of arrangements of one composition in a supercell, and how many of them are
 * symmetry-distinct (orbits under the supercell's permutation group).
 *
 * @param counts number of active sites per species, indexed like {@link ParentLattice#species()}
 * @param arrangements all arrangements (fixed-cell count, superperiodic ones included)
 * @param distinct orbits under the symmetry group (Burnside's lemma)
 */
public record CompositionCount(int[] counts, BigInteger arrangements, BigInteger distinct) {}
