package org.ordex.sampling;

/**
 * Where a run stands.
 *
 * @param sweepsDone sweeps made, summed over chains
 * @param sweepsPlanned sweeps the run will make, summed over chains (a lower bound while
 *     equilibration is detected automatically)
 * @param acceptance fraction of trial moves accepted in the last round
 * @param phase tuning, equilibration, production or done (of the least advanced chain)
 */
public record SimulationProgress(long sweepsDone, long sweepsPlanned, double acceptance, String phase) {}
