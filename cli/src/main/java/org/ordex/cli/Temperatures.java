package org.ordex.cli;

import java.util.ArrayList;
import java.util.List;
import org.ordex.lattice.InvalidInputException;

/** Parses temperature grids: {@code FROM:TO:STEP} (TO included when on the grid) or lists. */
final class Temperatures {
  private Temperatures() {}

  /** The grid in K; bad syntax or a temperature ≤ 0 is bad input naming {@code option}. */
  static double[] parse(String text, String option) {
    String t = text.trim();
    List<Double> out = new ArrayList<>();
    try {
      if (t.contains(":")) {
        String[] p = t.split(":");
        if (p.length != 3) {
          throw new NumberFormatException();
        }
        double from = Double.parseDouble(p[0]);
        double to = Double.parseDouble(p[1]);
        double step = Double.parseDouble(p[2]);
        if (!(step > 0) || to < from || (to - from) / step > 1e6) {
          throw new InvalidInputException(option + " '" + text + "': expected FROM ≤ TO and a "
              + "positive STEP (at most a million points)");
        }
        long n = (long) Math.floor((to - from) / step + 1e-9);
        for (long i = 0; i <= n; i++) {
          out.add(from + i * step);
        }
      } else {
        for (String x : t.split(",")) {
          out.add(Double.parseDouble(x.trim()));
        }
      }
    } catch (NumberFormatException e) {
      throw new InvalidInputException(option + " '" + text + "': expected FROM:TO:STEP (e.g. "
          + "100:2000:50) or a list T1,T2,… in K");
    }
    for (double x : out) {
      if (!(x > 0) || Double.isInfinite(x)) {
        throw new InvalidInputException(option + " '" + text + "': temperatures must be "
            + "positive (K), got " + x);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
