package org.ordex.cli;

import java.io.PrintWriter;
import org.ordex.lattice.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ordex} command: one subcommand per job. Bad input (also a malformed command
 * line) ends with a one-line message and exit code 2; an internal failure with exit code 1 (stack trace with ORDEX_DEBUG=1).
 */
@Command(name = "ordex", mixinStandardHelpOptions = true, version = "ordex 0.1.0",
    description = "Explore the configuration space of crystals: which atoms sit on which "
        + "lattice sites.",
    subcommands = {InfoCommand.class, MtpCommand.class, CeCommand.class,
        StructuresCommand.class, EnumerateCommand.class, MergeCommand.class,
        SampleCommand.class, AnnealCommand.class, SpotcheckCommand.class,
        GroundStateCommand.class, HullCommand.class, ThermoCommand.class, ImportCommand.class,
        MapCommand.class, OrbitsCommand.class, PlotCommand.class, SplitCommand.class,
        StudyCommand.class})
public final class Ordex implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        args));
  }

  /** Runs the command with the given output streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Ordex());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(Ordex::usageError);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InvalidInputException) {
        commandLine.getErr().println("ordex: " + ex.getMessage());
        return 2;
      }
      commandLine.getErr().println("ordex: internal error: " + ex);
      if (System.getenv("ORDEX_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      } else {
        commandLine.getErr().println("(set ORDEX_DEBUG=1 for the stack trace)");
      }
      return 1;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * A malformed command line (unknown option, missing or invalid value): one line naming the
   * command and the problem, with where to find the usage, and exit code 2.
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    String command = cl.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder(command).append(": ")
        .append(ex.getMessage().strip().replace('\n', ' '));
    if (ex instanceof CommandLine.UnmatchedArgumentException u
        && !u.getSuggestions().isEmpty()) {
      line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions()))
          .append("?)");
    }
    line.append(" (see '").append(command).append(" --help')");
    cl.getErr().println(line);
    return 2;
  }
}
