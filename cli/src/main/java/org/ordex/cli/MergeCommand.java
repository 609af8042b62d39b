package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.ChunkPlan;
import org.ordex.enumeration.EnumerationResult;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SystemSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex merge}: combines the run directories of shards (or of any runs of the same
 * enumeration) into one; the result equals that of one run over the same chunks.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Combine enumeration run directories (shards of the same ordex enumerate "
        + "command) into one directory with the chunks of all and their reports.")
final class MergeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "run directories")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "directory for the merged run")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    List<RunDirectory> dirs = new ArrayList<>();
    List<String> shards = new ArrayList<>();
    EnumerationRun first = null;
    for (Path p : inputs) {
      RunDirectory d = RunDirectory.existing(p);
      EnumerationRun r = d.run();
      if (first == null) {
        first = r;
      } else if (!first.sameWorkAs(r)) {
        throw new InvalidInputException(p + " holds another enumeration than " + inputs.get(0)
            + " (their run.json differ in more than the shard)");
      }
      dirs.add(d);
      shards.add(r.shard());
    }
    SystemSpec s = first.loadSystem();
    List<ArrangementSpace> spaces = first.spaces(s);
    ChunkPlan plan = first.plan(spaces);
    EnumerationResult result = EnumerationResult.of(plan, first.binWidth());
    for (RunDirectory d : dirs) {
      d.loadInto(result);
    }
    EnumerationRun merged = first.withShard("merged from " + String.join(", ", shards));
    RunDirectory out = RunDirectory.create(output, merged);
    EnumerationResult existing = out.load(plan, first.binWidth());
    for (ChunkPlan.Chunk c : plan.chunks()) {
      if (result.has(c.index()) && !existing.has(c.index())) {
        out.save(result.chunk(c.index()));
      }
    }
    out.loadInto(result);
    ObjectNode summary = new EnumerationReport(out, merged, s, spaces, result).write();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(summary));
    } else {
      EnumerationReport.print(o, summary);
      o.printf("merged %d run directories into %s%n", dirs.size(), output);
    }
    return 0;
  }
}
