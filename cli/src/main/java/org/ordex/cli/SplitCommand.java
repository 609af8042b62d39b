package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex split}: a random, reproducible split of extxyz frames into two files (e.g. a
 * training set and a held-out set), each keeping the frames' order.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = "Split the frames of extxyz files at random into two files: a fraction of "
        + "them into OUT, the others into REST (e.g. training and held-out sets). The choice "
        + "depends only on the number of frames, the fraction and the seed; each file keeps "
        + "the frames' order and their info lines.")
final class SplitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "extxyz files")
  List<Path> files;

  @Option(names = "--fraction", paramLabel = "F", required = true,
      description = "fraction of the frames written to OUT (0 < F < 1; rounded to a count)")
  double fraction;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "extxyz file of the chosen frames")
  Path output;

  @Option(names = "--rest", paramLabel = "REST", required = true,
      description = "extxyz file of the other frames")
  Path rest;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    if (!(fraction > 0 && fraction < 1)) {
      throw new InvalidInputException("--fraction " + fraction + ": expected 0 < F < 1");
    }
    List<Frame> frames = new ArrayList<>();
    for (Path f : files) {
      frames.addAll(Extxyz.read(f));
    }
    int n = frames.size();
    int chosen = (int) Math.round(fraction * n);
    if (chosen == 0 || chosen == n) {
      throw new InvalidInputException("--fraction " + fraction + " of " + n + " frames leaves "
          + "one file empty");
    }
    boolean[] in = chosenFrames(n, chosen, seed);
    List<Frame> a = new ArrayList<>();
    List<Frame> b = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (in[i] ? a : b).add(frames.get(i));
    }
    Extxyz.write(output, a);
    Extxyz.write(rest, b);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("frames", n);
      root.put("output", output.toString());
      root.put("chosen", a.size());
      root.put("rest", rest.toString());
      root.put("others", b.size());
      root.put("seed", seed);
      out.println(Json.write(root));
    } else {
      out.printf("%d frames: %d to %s, %d to %s (seed %d)%n", n, a.size(), output, b.size(),
          rest, seed);
    }
    return 0;
  }

  /** A uniformly random subset of {@code k} of {@code n} positions (partial Fisher–Yates). */
  static boolean[] chosenFrames(int n, int k, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    boolean[] in = new boolean[n];
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      in[order[i]] = true;
    }
    return in;
  }
}
