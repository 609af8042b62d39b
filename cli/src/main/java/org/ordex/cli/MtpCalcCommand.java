package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.potentials.mtp.MtpCalculator;
import org.ordex.potentials.mtp.MtpPotential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ordex mtp calc}: energies, forces and stresses like MLIP's {@code mlp calc-efs}. */
@Command(name = "calc", mixinStandardHelpOptions = true,
    description = "Energy (eV per configuration), forces (eV/Å) and PlusStress (virial, eV) of "
        + "every configuration, as MLIP's mlp calc-efs computes them.")
final class MtpCalcCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POT.mtp", description = "trained MLIP potential")
  Path potentialFile;

  @Parameters(index = "1", paramLabel = "IN",
      description = "configurations: MLIP .cfg, extended XYZ or POSCAR")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "write the configurations with results: .cfg or .xyz/.extxyz")
  Path output;

  @Option(names = "--species", paramLabel = "LIST",
      description = "elements of the potential's types in order, e.g. Co,Mn,O (type 0 = Co); "
          + "needed for extxyz/POSCAR input and extxyz output")
  String species;

  @Option(names = "--site-energies", description = "add per-atom energies (site_en) to a .cfg")
  boolean siteEnergies;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    MtpPotential potential = MtpPotential.read(potentialFile);
    MlipTypes types = MtpInputs.species(species, potential, potentialFile.toString());
    List<MlipCfg> cfgs = MtpInputs.read(input, types);
    MtpCalculator calc = new MtpCalculator(potential);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<MlipCfg> results = new ArrayList<>();
    ArrayNode rows = Json.MAPPER.createArrayNode();
    if (!json) {
      out.printf("# %s%n", potential.describe());
      out.printf("# %4s %6s %22s %18s %14s %10s%n", "cfg", "atoms", "energy (eV/cfg)",
          "energy (eV/atom)", "max |F| eV/Å", "min r (Å)");
    }
    for (int c = 0; c < cfgs.size(); c++) {
      MlipCfg cfg = cfgs.get(c);
      MtpCalculator.Result r = calc.compute(cfg);
      if (r.belowMinDist(potential)) {
        err.printf("ordex: warning: configuration %d: atoms %.4f Å apart, closer than min_dist "
            + "%.4g Å (the potential extrapolates there)%n", c + 1, r.minDistance(),
            potential.minDist());
      }
      results.add(cfg.withResults(r.energy(), r.forces(), r.plusStress(),
          siteEnergies ? r.siteEnergies() : null));
      double maxForce = 0;
      for (double[] f : r.forces()) {
        maxForce = Math.max(maxForce, Math.sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]));
      }
      if (json) {
        ObjectNode o = rows.addObject();
        o.put("index", c + 1);
        o.put("atoms", cfg.size());
        o.put("energy", r.energy());
        o.put("energyPerAtom", r.energy() / cfg.size());
        o.put("maxForce", maxForce);
        ArrayNode s = o.putArray("plusStress");
        for (double v : r.plusStress()) {
          s.add(v);
        }
        o.put("minDistance", Double.isInfinite(r.minDistance()) ? null
            : (Double) r.minDistance());
        o.put("belowMinDist", r.belowMinDist(potential));
      } else {
        out.printf("  %4d %6d %22.12f %18.12f %14.6f %10s%n", c + 1, cfg.size(), r.energy(),
            r.energy() / cfg.size(), maxForce, Double.isInfinite(r.minDistance()) ? "-"
                : String.format(java.util.Locale.ROOT, "%.4f", r.minDistance()));
      }
    }
    if (output != null) {
      MtpInputs.write(output, results, types);
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("potential", potential.describe());
      root.put("units", "energy eV per configuration, forces eV/Å, plusStress eV (virial, "
          + "Voigt xx yy zz yz xz xy)");
      root.set("configurations", rows);
      out.println(Json.write(root));
    }
    return 0;
  }
}
