package org.ordex.sampling;

/**
 * A configuration taken during production.
 *
 * @param temperatureIndex index into the run's temperatures
 * @param temperature K
 * @param sweep sweeps since the start of the run
 * @param energy eV per supercell
 * @param occupation species per active site
 */
public record Snapshot(int temperatureIndex, double temperature, long sweep, double energy,
    byte[] occupation) {}
