package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.Units;
import org.ordex.sampling.Ensemble;
import org.ordex.sampling.Estimate;
import org.ordex.sampling.ExchangeResult;
import org.ordex.sampling.SamplingSettings;
import org.ordex.sampling.Simulation;
import org.ordex.sampling.SiteLayout;
import org.ordex.sampling.TemperatureResult;

/**
 * The results of an {@code ordex sample} run as a CSV table (one row per temperature), a JSON
 * document and text. Energies are per supercell (and per active site where said), heat
 * capacities in eV/K per supercell (and in k_B per active site); errors are one standard
 * error from blocking analysis.
 */
final class SampleReport {
  private final SystemSpec system;
  private final EnergyModel model;
  private final SamplingSettings settings;
  private final SiteLayout layout;
  private final List<TemperatureResult> results;
  private final ExchangeResult exchange;
  private final double[] shells;

  SampleReport(SystemSpec system, EnergyModel model, Simulation sim) {
    this.system = system;
    this.model = model;
    this.settings = sim.settings();
    this.layout = sim.layout();
    this.results = sim.results();
    this.exchange = sim.exchange();
    this.shells = sim.shellDistances();
  }

  /** VCSGC: the species with a φ, whose free-energy derivative is reported. */
  private List<Integer> constrained() {
    List<Integer> out = new ArrayList<>();
    if (settings.ensemble() instanceof Ensemble.VarianceConstrained v) {
      double[] phi = v.phi();
      for (int s = 0; s < phi.length; s++) {
        if (!Double.isNaN(phi[s])) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** (1/N) ∂F/∂c_s from the VCSGC averages, eV per site. */
  private Estimate derivative(TemperatureResult r, int s) {
    Ensemble.VarianceConstrained v = (Ensemble.VarianceConstrained) settings.ensemble();
    Estimate c = r.observable("c(" + layout.species().get(s) + ")");
    double d = v.freeEnergyDerivative(s, c.mean(), r.temperature());
    double scale = 2 * v.kappa() * Units.KB * r.temperature();
    return new Estimate(d, c.error() * scale, c.tau(), c.samples(), c.blocks());
  }

  void write(Path csv, Path json) {
    AtomicFiles.writeString(csv, csv());
    AtomicFiles.writeString(json, Json.write(json()) + "\n");
  }

  private String csv() {
    StringBuilder b = new StringBuilder("temperature_K,energy_eV_per_supercell,energy_err,"
        + "energy_eV_per_site,heat_capacity_eV_per_K_per_supercell,heat_capacity_err,"
        + "heat_capacity_kB_per_site,acceptance,energy_tau_samples,samples,"
        + "equilibration_sweeps,equilibration_detected");
    List<String> names = results.get(0).observableNames();
    for (String n : names) {
      b.append(',').append(n).append(',').append(n).append("_err");
    }
    for (int s : constrained()) {
      String n = "dF_dc(" + layout.species().get(s) + ")_eV_per_site";
      b.append(',').append(n).append(',').append(n).append("_err");
    }
    b.append('\n');
    int n = layout.sites();
    for (TemperatureResult r : results) {
      Estimate e = r.energy();
      Estimate c = r.heatCapacity();
      b.append(num(r.temperature())).append(',').append(num(e.mean())).append(',')
          .append(num(e.error())).append(',').append(num(e.mean() / n)).append(',')
          .append(num(c.mean())).append(',').append(num(c.error())).append(',')
          .append(num(c.mean() / (n * Units.KB))).append(',').append(num(r.acceptance()))
          .append(',').append(num(e.tau())).append(',').append(e.samples()).append(',')
          .append(r.equilibrationSweeps()).append(',').append(r.equilibrationDetected());
      for (Estimate o : r.observables()) {
        b.append(',').append(num(o.mean())).append(',').append(num(o.error()));
      }
      for (int s : constrained()) {
        Estimate d = derivative(r, s);
        b.append(',').append(num(d.mean())).append(',').append(num(d.error()));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  ObjectNode json() {
    ObjectNode root = Json.object();
    root.put("system", system.name());
    root.put("source", String.valueOf(system.source()));
    root.put("supercell", system.supercell().describe());
    root.put("atoms", system.supercell().size());
    root.put("activeSites", layout.sites());
    root.put("model", model.describe());
    ObjectNode units = root.putObject("units");
    units.put("temperature", "K");
    units.put("energy", "eV per supercell (energyPerSite: eV per active site)");
    units.put("heatCapacity", "eV/K per supercell (heatCapacityPerSite: k_B per active site)");
    units.put("errors", "one standard error, blocking analysis");
    ObjectNode ens = root.putObject("ensemble");
    ens.put("name", settings.ensemble().name());
    if (settings.ensemble() instanceof Ensemble.SemiGrandCanonical g) {
      ObjectNode d = ens.putObject("dmu");
      double[] dmu = g.dmu();
      for (int s : layout.activeSpecies()) {
        d.put(layout.species().get(s), dmu[s]);
      }
    }
    if (settings.ensemble() instanceof Ensemble.VarianceConstrained v) {
      ObjectNode p = ens.putObject("phi");
      for (int s : constrained()) {
        p.put(layout.species().get(s), v.phi()[s]);
      }
      ens.put("kappa", v.kappa());
    }
    ObjectNode set = root.putObject("settings");
    set.put("sweeps", settings.sweeps());
    if (settings.equilibration() == SamplingSettings.AUTO) {
      set.put("equilibration", "auto");
    } else {
      set.put("equilibration", settings.equilibration());
    }
    set.put("sampleEvery", settings.sampleInterval());
    set.put("snapshotEvery", settings.snapshotInterval());
    set.put("replicaExchange", settings.replicaExchange());
    set.put("exchangeEvery", settings.exchangeInterval());
    set.put("adaptiveLadderSweeps", settings.tuneSweeps());
    set.put("seed", settings.seed());
    ArrayNode sh = root.putArray("sroShellDistances");
    for (double d : shells) {
      sh.add(d);
    }
    ArrayNode temps = root.putArray("temperatures");
    int n = layout.sites();
    for (TemperatureResult r : results) {
      ObjectNode t = temps.addObject();
      t.put("temperature", r.temperature());
      put(t, "energy", r.energy());
      put(t, "energyPerSite", r.energy().times(1.0 / n));
      put(t, "heatCapacity", r.heatCapacity());
      put(t, "heatCapacityPerSite", r.heatCapacity().times(1.0 / (n * Units.KB)));
      t.put("acceptance", r.acceptance());
      t.put("equilibrationSweeps", r.equilibrationSweeps());
      t.put("equilibrationDetected", r.equilibrationDetected());
      ObjectNode obs = t.putObject("observables");
      for (int i = 0; i < r.observableNames().size(); i++) {
        put(obs, r.observableNames().get(i), r.observables().get(i));
      }
      if (!constrained().isEmpty()) {
        ObjectNode d = t.putObject("freeEnergyDerivative");
        for (int s : constrained()) {
          put(d, layout.species().get(s), derivative(r, s));
        }
      }
    }
    if (exchange != null) {
      ObjectNode x = root.putObject("replicaExchange");
      ArrayNode ladder = x.putArray("temperatures");
      for (double v : exchange.temperatures()) {
        ladder.add(v);
      }
      ArrayNode initial = x.putArray("initialTemperatures");
      for (double v : exchange.initialTemperatures()) {
        initial.add(v);
      }
      ArrayNode pairs = x.putArray("pairs");
      for (int k = 0; k < exchange.acceptance().length; k++) {
        ObjectNode p = pairs.addObject();
        p.put("low", exchange.temperatures()[k]);
        p.put("high", exchange.temperatures()[k + 1]);
        p.put("attempts", exchange.attempts()[k]);
        p.put("acceptance", exchange.acceptance()[k]);
      }
      x.put("roundTrips", exchange.roundTrips());
      x.put("meanRoundTripSweeps", exchange.meanRoundTripSweeps());
    }
    return root;
  }

  private static void put(ObjectNode parent, String name, Estimate e) {
    ObjectNode o = parent.putObject(name);
    o.put("mean", e.mean());
    o.put("error", e.error());
    o.put("tau", e.tau());
    o.put("samples", e.samples());
    o.put("blocks", e.blocks());
  }

  void printText(PrintWriter out, Path dir) {
    out.printf("%s: %s, %s, %d active sites%n", settings.ensemble().name(), system.name(),
        system.supercell().describe(), layout.sites());
    out.printf("model: %s%n", model.describe());
    out.println("U: eV per supercell; C: eV/K per supercell; ± one standard error "
        + "(blocking analysis)");
    out.printf("%10s %16s %10s %12s %10s %7s %14s%n", "T (K)", "U", "±", "C", "±",
        "accept", "equilibration");
    for (TemperatureResult r : results) {
      out.printf(Locale.ROOT, "%10.2f %16.8f %10.2e %12.5e %10.2e %7.3f %9d%s%n",
          r.temperature(), r.energy().mean(), r.energy().error(), r.heatCapacity().mean(),
          r.heatCapacity().error(), r.acceptance(), r.equilibrationSweeps(),
          r.equilibrationDetected() ? " sweeps" : " (limit)");
    }
    List<String> names = results.get(0).observableNames();
    StringBuilder header = new StringBuilder(String.format("%10s", "T (K)"));
    for (String name : names) {
      header.append(String.format(" %17s", name));
    }
    for (int s : constrained()) {
      header.append(String.format(" %17s", "dF/dc(" + layout.species().get(s) + ")"));
    }
    out.println(header);
    for (TemperatureResult r : results) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%10.2f",
          r.temperature()));
      for (Estimate o : r.observables()) {
        row.append(String.format(Locale.ROOT, " %9.5f±%-7.1e", o.mean(), o.error()));
      }
      for (int s : constrained()) {
        Estimate d = derivative(r, s);
        row.append(String.format(Locale.ROOT, " %9.5f±%-7.1e", d.mean(), d.error()));
      }
      out.println(row);
    }
    if (exchange != null) {
      StringBuilder acc = new StringBuilder();
      for (double a : exchange.acceptance()) {
        acc.append(String.format(Locale.ROOT, " %.3f", a));
      }
      out.printf(Locale.ROOT, "replica exchange: acceptance per pair%s; %d round trips, mean "
          + "%.1f sweeps%n", acc, exchange.roundTrips(), exchange.meanRoundTripSweeps());
    }
    out.printf("wrote %s and %s%n", dir.resolve("summary.csv"), dir.resolve("summary.json"));
  }
}
