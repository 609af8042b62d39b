package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ordex.lattice.MlipCfg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ordex mtp grade}: extrapolation grades like MLIP's {@code mlp calc-grade}. */
@Command(name = "grade", mixinStandardHelpOptions = true,
    description = "Extrapolation grade γ (maxvol, D-optimality) of every candidate "
        + "configuration with respect to the active set selected from a training set, as "
        + "MLIP's mlp calc-grade computes it: γ ≤ 1 interpolates, γ > 2 is worth a DFT "
        + "calculation, γ > 10 is unreliable.")
final class MtpGradeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  MtpGradingInputs inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "write the candidates with an MV_grade feature (.cfg) or info key (extxyz)")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    MtpGrading g = inputs.grade();
    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      List<MlipCfg> graded = new ArrayList<>();
      for (int c = 0; c < g.grades().length; c++) {
        graded.add(g.withGrade(c));
      }
      MtpInputs.write(output, graded, g.types());
    }
    double[] grades = g.grades();
    int largest = 0;
    int aboveTwo = 0;
    for (int c = 0; c < grades.length; c++) {
      largest = grades[c] > grades[largest] ? c : largest;
      aboveTwo += grades[c] > 2 ? 1 : 0;
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("potential", g.potential().describe());
      root.put("activeSet", g.describeActiveSet());
      root.put("activeConfigurations", g.grader().activeConfigurations());
      root.put("candidates", grades.length);
      root.put("largestGrade", grades.length == 0 ? 0 : grades[largest]);
      root.put("largestGradeConfiguration", grades.length == 0 ? 0 : largest + 1);
      root.put("aboveTwo", aboveTwo);
      ArrayNode rows = root.putArray("configurations");
      for (int c = 0; c < g.grades().length; c++) {
        ObjectNode o = rows.addObject();
        o.put("index", c + 1);
        o.put("atoms", g.candidates().get(c).size());
        o.put("grade", g.grades()[c]);
      }
      out.println(Json.write(root));
    } else {
      out.printf("# %s%n# %s%n", g.potential().describe(), g.describeActiveSet());
      out.printf("# %4s %6s %14s%n", "cfg", "atoms", "grade");
      for (int c = 0; c < g.grades().length; c++) {
        out.printf("  %4d %6d %14.6g%n", c + 1, g.candidates().get(c).size(), g.grades()[c]);
      }
      if (grades.length > 0) {
        out.printf("# largest grade %.6g (configuration %d); %d of %d above 2%n",
            grades[largest], largest + 1, aboveTwo, grades.length);
      }
    }
    return 0;
  }
}
