package org.ordex.sampling.ga;

/**
 * The state of a genetic search after one generation, for progress reports.
 *
 * @param composition label of the composition searched
 * @param restart restart number, from 0
 * @param generation generation within the restart, from 1
 * @param populationBest lowest energy in the current population (eV per supercell)
 * @param best lowest energy found so far by the whole search (eV per supercell)
 * @param evaluations energy evaluations so far (full energies and swap ΔE)
 */
public record SearchStatus(String composition, int restart, long generation,
    double populationBest, double best, long evaluations) {}
