package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.ordex.analysis.BinaryLattice;
import org.ordex.analysis.BraggWilliams;
import org.ordex.analysis.ClusterExpansionMeanField;
import org.ordex.analysis.CommonTangents;
import org.ordex.analysis.CriticalTemperature;
import org.ordex.analysis.ExactThermodynamics;
import org.ordex.analysis.FittedMeanField;
import org.ordex.analysis.MeanFieldEnergy;
import org.ordex.analysis.MeanFieldMixing;
import org.ordex.analysis.Mixing;
import org.ordex.analysis.Plot;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.CanonicalAverages;
import org.ordex.enumeration.DensityOfStates;
import org.ordex.enumeration.EnumerationResult;
import org.ordex.enumeration.OccupancyKey;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.Units;
import org.ordex.potentials.ce.ClusterExpansion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex thermo}: exact configurational thermodynamics from an enumeration run, mixing
 * relative to the end members, miscibility gaps, and the mean-field (Bragg–Williams) and
 * ideal-solution models for comparison; CSV tables and PNG/SVG plots.
 */
@Command(name = "thermo", mixinStandardHelpOptions = true,
    description = "Thermodynamics of an enumeration run directory: F, U, S, C_v per "
        + "composition (per supercell, formula unit and site), mixing free energy, enthalpy "
        + "and entropy relative to the end members with the ideal entropy as reference, "
        + "sublattice occupations (spinel inversion) vs T, miscibility gaps (common tangents, "
        + "critical temperature); with --mean-field the point (Bragg-Williams) approximation "
        + "with sublattice-resolved occupations and the ideal solution. CSV tables, PNG and "
        + "SVG plots.")
final class ThermoCommand implements Callable<Integer> {
  private static final int CURVES = 5;
  private static final int COMPOSITIONS = 7;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "enumeration run directory")
  Path input;

  @Option(names = "--mean-field",
      description = "also the point (Bragg-Williams) approximation and the ideal solution")
  boolean meanField;

  @Option(names = "--temperatures", paramLabel = "T",
      description = "temperature grid in K (FROM:TO:STEP or T1,T2,…; default: the run's); "
          + "not below the run's lowest")
  String temperatures;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "output directory")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    RunDirectory dir = RunDirectory.existing(input);
    EnumerationRun run = dir.run();
    double[] grid = temperatures == null ? run.temperatures()
        : Temperatures.parse(temperatures, "--temperatures");
    for (double t : grid) {
      if (t < run.minTemperature() * (1 - 1e-12)) {
        throw new InvalidInputException("--temperatures: " + t + " K is below " + input
            + "'s lowest temperature " + run.minTemperature() + " K (its energy bins are exact "
            + "from there up; enumerate again with a lower --temperatures)");
      }
    }
    SystemSpec s = run.loadSystem();
    List<ArrangementSpace> spaces = run.spaces(s);
    EnumerationResult result = dir.load(run.plan(spaces), run.binWidth());
    AtomicFiles.createDirectory(output);
    AtomicFiles.writeString(output.resolve("thermo.csv"),
        ThermoTable.csv(s.supercell(), spaces, result, grid));
    ObjectNode summary = Json.object();
    summary.put("run", input.toString());
    summary.put("system", s.name());
    summary.put("supercell", s.supercell().describe());
    summary.put("energyModel", run.modelDescription());
    summary.put("energies", "eV per supercell / formula unit / active site, as labelled");
    List<Integer> complete = new ArrayList<>();
    for (int c = 0; c < spaces.size(); c++) {
      if (result.isComplete(c)) {
        complete.add(c);
      }
    }
    summary.put("completeCompositions", complete.size());
    if (complete.isEmpty()) {
      throw new InvalidInputException(input + " has no complete composition (merge its shards "
          + "first)");
    }
    new Analysis(s, run, spaces, result, complete, grid, summary).write();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(summary));
    } else {
      printText(out, summary);
    }
    return 0;
  }

  private void printText(PrintWriter out, ObjectNode summary) {
    out.printf("%s, %s: %d complete compositions; energy model: %s%n",
        summary.get("system").asText(), summary.get("supercell").asText(),
        summary.get("completeCompositions").asInt(), summary.get("energyModel").asText());
    if (summary.has("mixing")) {
      ObjectNode m = (ObjectNode) summary.get("mixing");
      out.printf("mixing of %s: %d formula units, %d mixing sites per supercell%n",
          m.get("binary").asText(), m.get("formulaUnits").asInt(), m.get("sites").asInt());
      out.println("miscibility gap (exact): " + m.get("exactCriticalTemperature").asText());
      if (m.has("meanFieldCriticalTemperature")) {
        out.println("miscibility gap (mean field): "
            + m.get("meanFieldCriticalTemperature").asText());
        out.println("mean-field energy: " + m.get("meanFieldEnergy").asText());
      }
    } else {
      out.println("no mixing analysis: " + summary.get("noMixing").asText());
    }
    out.printf("wrote %s (%s)%n", output, String.join(", ",
        summary.get("files").findValuesAsText("file")));
  }

  /** The analysis of one run; writes the tables and plots and fills the summary. */
  private final class Analysis {
    final SystemSpec system;
    final EnumerationRun run;
    final List<ArrangementSpace> spaces;
    final EnumerationResult result;
    final List<Integer> complete;
    final double[] grid;
    final ObjectNode summary;
    final ArrayNode files;
    final OccupancyKey keys;

    Analysis(SystemSpec system, EnumerationRun run, List<ArrangementSpace> spaces,
        EnumerationResult result, List<Integer> complete, double[] grid, ObjectNode summary) {
      this.system = system;
      this.run = run;
      this.spaces = spaces;
      this.result = result;
      this.complete = complete;
      this.grid = grid;
      this.summary = summary;
      this.files = summary.putArray("files");
      this.keys = OccupancyKey.of(system.supercell());
      files.addObject().put("file", "thermo.csv");
    }

    void write() {
      heatCapacityPlot();
      histogramPlot();
      String why = mixingUnavailable();
      if (why != null) {
        summary.put("noMixing", why);
        if (meanField) {
          throw new InvalidInputException("--mean-field: " + why);
        }
        return;
      }
      mixing(BinaryLattice.of(system.supercell()));
    }

    /** Why mixing cannot be analysed, or null. */
    String mixingUnavailable() {
      if (run.compositions().contains(":")) {
        return "the run fixes the counts per sublattice";
      }
      try {
        BinaryLattice.of(system.supercell());
      } catch (InvalidInputException e) {
        return e.getMessage();
      }
      if (complete.size() < 3) {
        return "fewer than three complete compositions (enumerate --all-compositions)";
      }
      BinaryLattice b = BinaryLattice.of(system.supercell());
      int n = b.activeSites();
      boolean zero = false;
      boolean one = false;
      for (int c : complete) {
        int na = spaces.get(c).counts()[b.a()];
        zero |= na == 0;
        one |= na == n;
      }
      return zero && one ? null : "the end members (x = 0 and x = 1) are not both present";
    }

    void mixing(BinaryLattice b) {
      int n = b.activeSites();
      int m = complete.size();
      Integer[] order = complete.toArray(new Integer[0]);
      java.util.Arrays.sort(order, (p, q) -> Integer.compare(spaces.get(p).counts()[b.a()],
          spaces.get(q).counts()[b.a()]));
      double[] x = new double[m];
      DensityOfStates[] dos = new DensityOfStates[m];
      for (int i = 0; i < m; i++) {
        x[i] = (double) spaces.get(order[i]).counts()[b.a()] / n;
        dos[i] = result.dos(order[i]);
      }
      ExactThermodynamics exact = new ExactThermodynamics(b, x, dos, keys);
      ObjectNode info = summary.putObject("mixing");
      info.put("binary", b.names().get(0) + "/" + b.names().get(1));
      info.put("x", "fraction of " + b.names().get(0) + " on the " + n + " mixing sites");
      info.put("formulaUnits", b.formulaUnits());
      info.put("sites", n);
      double fu = b.formulaUnits();
      double kb = Units.KB;
      StringBuilder csv = new StringBuilder("x,T_K,dF_eV_per_fu,dH_eV_per_fu,dS_kB_per_fu,"
          + "dF_eV_per_site,dH_eV_per_site,dS_kB_per_site,S_ideal_kB_per_site,"
          + "S_max_kB_per_site\n");
      StringBuilder gaps = new StringBuilder("method,T_K,x1,x2\n");
      double[][] dfPlot = new double[grid.length][];
      for (int k = 0; k < grid.length; k++) {
        double t = grid[k];
        double[] f = new double[m];
        double[] u = new double[m];
        for (int i = 0; i < m; i++) {
          CanonicalAverages a = exact.at(i, t);
          f[i] = a.freeEnergy();
          u[i] = a.energy();
        }
        double[] df = Mixing.relativeToEndMembers(x, f);
        double[] dh = Mixing.relativeToEndMembers(x, u);
        dfPlot[k] = new double[m];
        for (int i = 0; i < m; i++) {
          double ds = (dh[i] - df[i]) / t / kb;
          dfPlot[k][i] = df[i] / fu;
          double smax = lnBinomial(n, (int) Math.round(x[i] * n)) / n;
          csv.append(x[i]).append(',').append(t).append(',').append(df[i] / fu).append(',')
              .append(dh[i] / fu).append(',').append(ds / fu).append(',').append(df[i] / n)
              .append(',').append(dh[i] / n).append(',').append(ds / n).append(',')
              .append(Mixing.idealEntropy(x[i])).append(',').append(smax).append('\n');
        }
        for (CommonTangents.TwoPhase p : exact.twoPhaseRegions(t)) {
          gaps.append("exact,").append(t).append(',').append(p.x1()).append(',')
              .append(p.x2()).append('\n');
        }
      }
      save("mixing.csv", csv.toString());
      OptionalDouble tc = CriticalTemperature.find(grid,
          t -> !exact.twoPhaseRegions(t).isEmpty(), 0.1);
      info.put("exactCriticalTemperature", describeTc(tc));
      putTc(info, "exactCriticalTemperatureK", tc);
      Plot dfChart = Plot.of("Mixing free energy", "x (" + b.names().get(0) + " fraction)",
          "ΔF_mix (eV per formula unit)");
      int[] shown = spread(grid.length, CURVES);
      for (int j = 0; j < shown.length; j++) {
        dfChart.add(String.format(Locale.ROOT, "exact %.0f K", grid[shown[j]]), x,
            dfPlot[shown[j]], Plot.Style.MARKERS, j);
      }
      Plot inversion = occupationPlot(b, x, order, exact);
      Plot gapChart = Plot.of("Miscibility gap", "x (" + b.names().get(0) + " fraction)",
          "T (K)");
      boolean anyGap = addGap(gapChart, "exact", exact::twoPhaseRegions, Plot.Style.POINTS, 0);
      if (meanField) {
        meanField(b, exact, x, info, dfChart, inversion, gapChart, gaps, shown);
        anyGap |= info.get("meanFieldCriticalTemperature").asText().startsWith("T_c");
      }
      save("miscibility.csv", gaps.toString());
      savePlot("mixing-free-energy", dfChart);
      savePlot("inversion", inversion);
      if (anyGap) {
        savePlot("miscibility-gap", gapChart);
      }
    }

    void meanField(BinaryLattice b, ExactThermodynamics exact, double[] xExact,
        ObjectNode info, Plot dfChart, Plot inversion, Plot gapChart, StringBuilder gaps,
        int[] shown) {
      MeanFieldEnergy energy = meanFieldEnergy(b, exact);
      info.put("meanFieldEnergy", energy.describe());
      BraggWilliams bw = new BraggWilliams(energy, b.sites());
      MeanFieldMixing mf = new MeanFieldMixing(bw);
      int n = b.activeSites();
      double[] x = new double[8 * n + 1];
      for (int i = 0; i < x.length; i++) {
        x[i] = (double) i / (8 * n);
      }
      double fu = b.formulaUnits();
      StringBuilder csv = new StringBuilder("x,T_K,dF_MF_eV_per_fu,dH_MF_eV_per_fu,"
          + "dS_MF_kB_per_fu,dF_ideal_eV_per_fu");
      for (var sub : b.sublattices()) {
        csv.append(",MF_").append(sub.label()).append('_').append(b.names().get(0));
      }
      csv.append('\n');
      double[][] occupation = new double[grid.length][];
      for (int k = 0; k < grid.length; k++) {
        double t = grid[k];
        BraggWilliams.State[] states = mf.states(x, t);
        double[] df = mf.mixingFreeEnergyPerSite(x, states);
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          e[i] = states[i].energy();
        }
        double[] dh = Mixing.relativeToEndMembers(x, e);
        double[] ideal = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          ideal[i] = -Units.KB * t * Mixing.idealEntropy(x[i]) * n / fu;
          double dfFu = df[i] * n / fu;
          csv.append(x[i]).append(',').append(t).append(',').append(dfFu).append(',')
              .append(dh[i] / fu).append(',')
              .append((dh[i] / fu - dfFu) / t / Units.KB).append(',')
              .append(ideal[i]);
          for (double c : states[i].c()) {
            csv.append(',').append(c);
          }
          csv.append('\n');
        }
        int j = java.util.Arrays.binarySearch(shown, k);
        if (j >= 0) {
          int points = x.length / 4 + 1;
          double[] xs = new double[points];
          double[] dfFu = new double[points];
          double[] id = new double[points];
          for (int i = 0; i < points; i++) {
            xs[i] = x[4 * i];
            dfFu[i] = df[4 * i] * n / fu;
            id[i] = ideal[4 * i];
          }
          dfChart.add(String.format(Locale.ROOT, "mean field %.0f K", t), xs, dfFu,
              Plot.Style.DASHED, j);
          dfChart.add(String.format(Locale.ROOT, "ideal %.0f K", t), xs, id,
              Plot.Style.DOTTED, j);
        }
        for (CommonTangents.TwoPhase p : mf.twoPhaseRegions(x, t)) {
          gaps.append("mean-field,").append(t).append(',').append(p.x1()).append(',')
              .append(p.x2()).append('\n');
        }
        occupation[k] = new double[xExact.length];
        for (int i = 0; i < xExact.length; i++) {
          occupation[k][i] = bw.minimize(xExact[i] * n, t).c()[0];
        }
      }
      save("mean-field.csv", csv.toString());
      OptionalDouble tc = CriticalTemperature.find(grid, t -> !mf.twoPhaseRegions(x, t)
          .isEmpty(), 0.1);
      info.put("meanFieldCriticalTemperature", describeTc(tc));
      putTc(info, "meanFieldCriticalTemperatureK", tc);
      addGap(gapChart, "mean field", t -> mf.twoPhaseRegions(x, t), Plot.Style.DIAMONDS, 1);
      int[] comps = spread(xExact.length, COMPOSITIONS);
      for (int j = 0; j < comps.length; j++) {
        double[] y = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
          y[k] = occupation[k][comps[j]];
        }
        inversion.add(String.format(Locale.ROOT, "mean field x = %.3f", xExact[comps[j]]),
            grid, y, Plot.Style.DASHED, j);
      }
    }

    MeanFieldEnergy meanFieldEnergy(BinaryLattice b, ExactThermodynamics exact) {
      EnergyModel model = null;
      if (run.model() != null && java.nio.file.Files.isRegularFile(run.model())
          && FileDigest.sha256(run.model()).equals(run.modelSha256())) {
        model = Models.load(run.model(), system, run.modelSpecies());
      }
      if (model instanceof ClusterExpansion ce) {
        return ClusterExpansionMeanField.of(ce, system.supercell());
      }
      double[][] rows = exact.occupancyMeanEnergies();
      int l = b.sites().length;
      double[][] c = new double[rows.length][];
      double[] e = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        c[i] = java.util.Arrays.copyOf(rows[i], l);
        e[i] = rows[i][l];
      }
      return FittedMeanField.fit(c, e, 3);
    }

    /** Fraction of A on the first active sublattice vs T (spinel: the tetrahedral sites). */
    Plot occupationPlot(BinaryLattice b, double[] x, Integer[] order, ExactThermodynamics ex) {
      var sub = b.sublattices().get(0);
      Plot p = Plot.of("Sublattice occupation", "T (K)", "fraction of " + b.names().get(0)
          + " on " + sub.label());
      int[] comps = spread(x.length, COMPOSITIONS);
      for (int j = 0; j < comps.length; j++) {
        double[] y = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
          y[k] = ex.at(comps[j], grid[k]).occupancy()[sub.index()][b.a()] / b.sites()[0];
        }
        p.add(String.format(Locale.ROOT, "exact x = %.3f", x[comps[j]]), grid, y,
            Plot.Style.MARKERS, j);
      }
      return p;
    }

    boolean addGap(Plot p, String name,
        java.util.function.DoubleFunction<List<CommonTangents.TwoPhase>> regions,
        Plot.Style style, int colour) {
      List<double[]> left = new ArrayList<>();
      List<double[]> right = new ArrayList<>();
      for (double t : grid) {
        for (CommonTangents.TwoPhase r : regions.apply(t)) {
          left.add(new double[] {r.x1(), t});
          right.add(new double[] {r.x2(), t});
        }
      }
      if (left.isEmpty()) {
        return false;
      }
      p.add(name + ", poorer phase", column(left, 0), column(left, 1), style, colour);
      p.add(name + ", richer phase", column(right, 0), column(right, 1), style, colour + 2);
      return true;
    }

    void heatCapacityPlot() {
      int n = system.supercell().activeSiteCount();
      Plot p = Plot.of("Heat capacity", "T (K)", "C_v (k_B per active site)");
      int[] comps = spread(complete.size(), COMPOSITIONS);
      for (int j = 0; j < comps.length; j++) {
        int c = complete.get(comps[j]);
        DensityOfStates dos = result.dos(c);
        double[] y = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
          y[k] = CanonicalAverages.of(dos, keys, grid[k]).heatCapacity() / Units.KB
              / n;
        }
        p.add(spaces.get(c).label(), grid, y, Plot.Style.MARKERS, j);
      }
      savePlot("heat-capacity", p);
    }

    void histogramPlot() {
      int c = complete.get(complete.size() / 2);
      double fu = org.ordex.analysis.FormulaUnits.of(system.supercell());
      double[] lo = {Double.POSITIVE_INFINITY};
      double[] hi = {Double.NEGATIVE_INFINITY};
      DensityOfStates dos = result.dos(c);
      dos.forEachBin((key, centre, count, m, off) -> {
        lo[0] = Math.min(lo[0], centre);
        hi[0] = Math.max(hi[0], centre);
      });
      int bins = 80;
      double width = Math.max(hi[0] - lo[0], 1e-9) / bins;
      double[] counts = new double[bins];
      dos.forEachBin((key, centre, count, m, off) ->
          counts[Math.min(bins - 1, (int) ((centre - lo[0]) / width))] += count);
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < bins; i++) {
        if (counts[i] > 0) {
          points.add(new double[] {(lo[0] + (i + 0.5) * width) / fu, counts[i]});
        }
      }
      Plot p = Plot.of("Density of states, " + spaces.get(c).label(), "E (eV per formula unit)",
          "arrangements per bin").logY();
      p.add(spaces.get(c).label(), column(points, 0), column(points, 1), Plot.Style.MARKERS);
      savePlot("energy-histogram", p);
    }

    void save(String name, String text) {
      AtomicFiles.writeString(output.resolve(name), text);
      files.addObject().put("file", name);
    }

    void savePlot(String name, Plot p) {
      p.write(output.resolve("plots").resolve(name));
      files.addObject().put("file", "plots/" + name + ".png|svg");
    }
  }

  /** The critical temperature as a number in K (null when there is no gap on the grid). */
  private static void putTc(ObjectNode info, String key, OptionalDouble tc) {
    if (tc.isPresent()) {
      info.put(key, tc.getAsDouble());
    } else {
      info.putNull(key);
    }
  }

  private static String describeTc(OptionalDouble tc) {
    return tc.isEmpty() ? "none on the temperature grid"
        : String.format(Locale.ROOT, "T_c = %.1f K (top of the gap; the grid's last "
            + "temperature means at or above it)", tc.getAsDouble());
  }

  /** Up to k indices spread evenly over 0 … n−1, ascending, first and last included. */
  static int[] spread(int n, int k) {
    if (n <= k) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] idx = new int[k];
    for (int j = 0; j < k; j++) {
      idx[j] = (int) Math.round((double) j * (n - 1) / (k - 1));
    }
    return idx;
  }

  private static double[] column(List<double[]> rows, int j) {
    double[] c = new double[rows.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = rows.get(i)[j];
    }
    return c;
  }

  /** ln C(n, k). */
  static double lnBinomial(int n, int k) {
    double s = 0;
    for (int i = 1; i <= k; i++) {
      s += Math.log((double) (n - k + i) / i);
    }
    return s;
  }
}
