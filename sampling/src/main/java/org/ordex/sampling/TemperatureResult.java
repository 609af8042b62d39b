package org.ordex.sampling;

import java.util.List;

/**
 * The averages of one temperature of a Monte Carlo run.
 *
 * @param temperature K (the tuned value for an adaptive ladder)
 * @param energy mean energy, eV per supercell
 * @param heatCapacity (⟨E²⟩ − ⟨E⟩²)/(k_B T²), eV/K per supercell
 * @param observableNames names of the other observables (see {@code Observables})
 * @param observables their means, in the order of the names
 * @param acceptance fraction of accepted trial moves in production
 * @param equilibrationSweeps sweeps discarded before production (tuning included)
 * @param equilibrationDetected false when automatic detection gave up at its limit
 */
public record TemperatureResult(double temperature, Estimate energy, Estimate heatCapacity,
    List<String> observableNames, List<Estimate> observables, double acceptance,
    long equilibrationSweeps, boolean equilibrationDetected) {

  public TemperatureResult {
    observableNames = List.copyOf(observableNames);
    observables = List.copyOf(observables);
  }

  /** The estimate of the observable named {@code name}; bad argument when absent. */
  public Estimate observable(String name) {
    int i = observableNames.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no observable " + name + " in " + observableNames);
    }
    return observables.get(i);
  }
}
