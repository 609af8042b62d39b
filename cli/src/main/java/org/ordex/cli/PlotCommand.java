package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.analysis.plot.XyPlot;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ordex plot}: x–y plots (PNG + SVG) of columns of ordex's CSV tables. */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = "Plot columns of CSV tables (those ordex writes: thermo.csv, summary.csv, "
        + "predictions, …) as PNG and SVG: one series per file, y column and value of the "
        + "--group column. Every table needs the x column; the y, --group and --where "
        + "columns apply to the tables that have them (each must be in one at least), so "
        + "tables of different kinds share a plot. Rows with an empty or non-finite x or y "
        + "are left out. The JSON output lists every series with its points (as scaled).")
final class PlotCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "CSV", description = "tables with a header line")
  List<Path> tables;

  @Option(names = "--x", paramLabel = "COLUMN[|COLUMN…]", required = true,
      description = "x column; with alternatives, the first one a table has (e.g. "
          + "T_K|temperature_K)")
  String x;

  @Option(names = "--y", paramLabel = "COLUMN", required = true, split = ",",
      description = "y column(s)")
  List<String> y;

  @Option(names = "--group", paramLabel = "COLUMN",
      description = "one series per value of this column (e.g. composition)")
  String group;

  @Option(names = "--where", paramLabel = "COLUMN=VALUE[|VALUE…]",
      description = "keep only the rows where COLUMN equals VALUE (or one of the values); "
          + "repeatable")
  List<String> where = new ArrayList<>();

  @Option(names = "--labels", paramLabel = "NAME,…", split = ",",
      description = "legend names of the series, in order (default: from files, columns, groups)")
  List<String> labels;

  @Option(names = "--scatter", description = "points only (default: lines with markers)")
  boolean scatter;

  @Option(names = "--diagonal", description = "also draw y = x (parity plots)")
  boolean diagonal;

  @Option(names = "--x-scale", paramLabel = "F", defaultValue = "1",
      description = "multiply x by F (e.g. 1000 for eV → meV)")
  double xScale;

  @Option(names = "--y-scale", paramLabel = "F", defaultValue = "1",
      description = "multiply y by F")
  double yScale;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "", description = "title")
  String title;

  @Option(names = "--x-label", paramLabel = "TEXT", description = "x axis label (default: "
      + "the column)")
  String xLabel;

  @Option(names = "--y-label", paramLabel = "TEXT", description = "y axis label (default: "
      + "the columns)")
  String yLabel;

  @Option(names = {"-o", "--output"}, paramLabel = "BASE", required = true,
      description = "writes BASE.png and BASE.svg")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    List<Csv> csvs = tables.stream().map(Csv::read).toList();
    for (String column : columnsNamed()) {
      if (csvs.stream().noneMatch(c -> c.header().contains(column))) {
        throw new InvalidInputException("no column '" + column + "' in " + (csvs.size() == 1
            ? csvs.get(0).file() + "; columns: " + String.join(", ", csvs.get(0).header())
            : "any of " + tables));
      }
    }
    List<XyPlot.Series> series = new ArrayList<>();
    for (Csv csv : csvs) {
      int xc = xColumn(csv);
      int gc = group == null || !csv.header().contains(group) ? -1 : csv.column(group);
      List<int[]> filters = filters(csv);
      for (String yName : y) {
        if (!csv.header().contains(yName)) {
          continue;
        }
        int yc = csv.column(yName);
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (int r = 0; r < csv.rows().size(); r++) {
          String[] row = csv.rows().get(r);
          if (!matches(row, filters) || row[xc].isEmpty() || row[yc].isEmpty()) {
            continue;
          }
          double[] point = {xScale * number(csv, r, csv.header().get(xc), row[xc]),
              yScale * number(csv, r, yName, row[yc])};
          if (Double.isFinite(point[0]) && Double.isFinite(point[1])) {
            groups.computeIfAbsent(gc < 0 ? "" : row[gc], k -> new ArrayList<>()).add(point);
          }
        }
        groups.forEach((g, points) -> series.add(new XyPlot.Series(
            name(csv.file(), yName, g), points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray())));
      }
    }
    if (series.isEmpty()) {
      throw new InvalidInputException("no rows to plot in " + tables + (where.isEmpty() ? ""
          : " where " + String.join(" and ", where)));
    }
    if (labels != null) {
      if (labels.size() != series.size()) {
        throw new InvalidInputException("--labels: " + labels.size() + " names for "
            + series.size() + " series");
      }
      for (int i = 0; i < series.size(); i++) {
        XyPlot.Series s = series.get(i);
        series.set(i, new XyPlot.Series(labels.get(i), s.x(), s.y()));
      }
    }
    Path[] files = XyPlot.write(new XyPlot.Style(title, xLabel == null ? x.split("\\|")[0]
        : xLabel,
        yLabel == null ? String.join(", ", y) : yLabel, scatter, diagonal), series, output);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      ArrayNode written = root.putArray("files");
      for (Path f : files) {
        written.add(f.toString());
      }
      ArrayNode list = root.putArray("series");
      for (XyPlot.Series s : series) {
        ObjectNode o = list.addObject().put("name", s.name()).put("points", s.x().length);
        ArrayNode xs = o.putArray("x");
        ArrayNode ys = o.putArray("y");
        for (int i = 0; i < s.x().length; i++) {
          xs.add(s.x()[i]);
          ys.add(s.y()[i]);
        }
      }
      out.println(Json.write(root));
    } else {
      out.printf("%d series; wrote %s and %s%n", series.size(), files[0], files[1]);
    }
    return 0;
  }

  private String name(Path file, String yName, String g) {
    List<String> parts = new ArrayList<>();
    if (tables.size() > 1) {
      parts.add(file.getFileName().toString());
    }
    if (y.size() > 1 || g.isEmpty()) {
      parts.add(yName);
    }
    if (!g.isEmpty()) {
      parts.add(g);
    }
    return String.join(" ", parts);
  }

  /** The first of the --x alternatives the table has. */
  private int xColumn(Csv csv) {
    String[] names = x.split("\\|");
    for (String n : names) {
      if (csv.header().contains(n)) {
        return csv.column(n);
      }
    }
    return csv.column(names[0]);
  }

  /** The columns of --y, --group and --where: each must be in at least one table. */
  private List<String> columnsNamed() {
    List<String> names = new ArrayList<>(y);
    if (group != null) {
      names.add(group);
    }
    for (String w : where) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("--where '" + w + "': expected COLUMN=VALUE");
      }
      names.add(w.substring(0, eq).trim());
    }
    return names;
  }

  /** The --where filters that apply to a table (those whose column it has): column, value. */
  private List<int[]> filters(Csv csv) {
    List<int[]> f = new ArrayList<>();
    for (int i = 0; i < where.size(); i++) {
      String column = where.get(i).substring(0, where.get(i).indexOf('=')).trim();
      if (csv.header().contains(column)) {
        f.add(new int[] {csv.column(column), i});
      }
    }
    return f;
  }

  private boolean matches(String[] row, List<int[]> filters) {
    for (int[] f : filters) {
      String w = where.get(f[1]);
      if (!List.of(w.substring(w.indexOf('=') + 1).split("\\|")).contains(row[f[0]])) {
        return false;
      }
    }
    return true;
  }

  private static double number(Csv csv, int row, String column, String value) {
    if (!Text.isNumber(value)) {
      throw new InvalidInputException(csv.file() + ": row " + (row + 1) + ", column " + column
          + ": '" + value + "' is not a number");
    }
    return Double.parseDouble(value);
  }
}
