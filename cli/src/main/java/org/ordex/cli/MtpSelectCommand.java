package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ordex mtp select}: the candidates worth a DFT calculation, most extrapolative first. */
@Command(name = "select", mixinStandardHelpOptions = true,
    description = "Pick the candidate configurations whose extrapolation grade γ exceeds a "
        + "threshold, most extrapolative first, and write them for DFT.")
final class MtpSelectCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  MtpGradingInputs inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "the selected configurations with their MV_grade (.cfg or extxyz)")
  Path output;

  @Option(names = "--threshold", paramLabel = "γ", defaultValue = "2.0",
      description = "select configurations with γ above this (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--limit", paramLabel = "N",
      description = "select at most N configurations (the N most extrapolative)")
  Integer limit;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    if (!(threshold >= 1)) {
      throw new InvalidInputException("--threshold must be at least 1, found " + threshold);
    }
    if (limit != null && limit < 1) {
      throw new InvalidInputException("--limit must be positive, found " + limit);
    }
    MtpGrading g = inputs.grade();
    double[] grades = g.grades();
    List<Integer> chosen = IntStream.range(0, grades.length).filter(c -> grades[c] > threshold)
        .boxed().sorted(Comparator.comparingDouble((Integer c) -> -grades[c])
            .thenComparingInt(c -> c))
        .limit(limit == null ? Long.MAX_VALUE : limit).collect(Collectors.toList());
    List<MlipCfg> selected = new ArrayList<>();
    for (int c : chosen) {
      selected.add(g.withGrade(c));
    }
    MtpInputs.write(output, selected, g.types());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("activeSet", g.describeActiveSet());
      root.put("threshold", threshold);
      root.put("candidates", grades.length);
      ArrayNode rows = root.putArray("selected");
      for (int c : chosen) {
        ObjectNode o = rows.addObject();
        o.put("index", c + 1);
        o.put("grade", grades[c]);
      }
      out.println(Json.write(root));
    } else {
      out.printf("# %s%n# %d of %d candidates have γ > %g; wrote %d to %s%n",
          g.describeActiveSet(), IntStream.range(0, grades.length)
              .filter(c -> grades[c] > threshold).count(), grades.length, threshold,
          chosen.size(), output);
      out.printf("# %4s %14s%n", "cfg", "grade");
      for (int c : chosen) {
        out.printf("  %4d %14.6g%n", c + 1, grades[c]);
      }
    }
    return 0;
  }
}
