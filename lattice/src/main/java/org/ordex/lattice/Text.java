package org.ordex.lattice;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Line-oriented text parsing with error messages that name the file and line. */
public final class Text {
  private Text() {}

  /** The whole file as a string; a missing or unreadable file is bad input. */
  public static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(path + ": no such file");
    } catch (MalformedInputException e) {
      throw new InvalidInputException(path + ": not a UTF-8 text file");
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /**
   * The fields of a line of a table: the text before any {@code #} comment, split at commas,
   * semicolons, tabs or white space; empty for a blank or comment line.
   */
  public static String[] tableFields(String line) {
    int hash = line.indexOf('#');
    String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
    return content.isEmpty() ? new String[0] : content.split("\\s*[,;\\t]\\s*|\\s+");
  }

  public static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * {@code x} in C's {@code %.Ne} format with {@code n} digits after the point, rounded
   * correctly from the exact binary value (as glibc's printf does; Java's {@code %e} rounds the
   * shortest decimal form instead and can differ in the last digit).
   */
  public static String scientific(double x, int n) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    }
    boolean negative = x < 0 || (x == 0 && 1 / x < 0);
    String digits;
    int exponent;
    if (x == 0) {
      digits = "0".repeat(n + 1);
      exponent = 0;
    } else {
      java.math.BigDecimal d = new java.math.BigDecimal(Math.abs(x))
          .round(new java.math.MathContext(n + 1, java.math.RoundingMode.HALF_EVEN));
      String u = d.unscaledValue().toString();
      exponent = u.length() - 1 - d.scale();
      digits = u.length() > n + 1 ? u.substring(0, n + 1) : u + "0".repeat(n + 1 - u.length());
    }
    StringBuilder b = new StringBuilder(n + 8);
    if (negative) {
      b.append('-');
    }
    b.append(digits.charAt(0));
    if (n > 0) {
      b.append('.').append(digits, 1, n + 1);
    }
    b.append(exponent < 0 ? "e-" : "e+");
    int e = Math.abs(exponent);
    if (e < 10) {
      b.append('0');
    }
    return b.append(e).toString();
  }

  /** A cursor over the lines of a text, 1-based line numbers in errors. */
  public static final class Lines {
    private final String[] lines;
    private final String name;
    private int current;

    public Lines(String text, String name) {
      String[] all = text.split("\r?\n|\r", -1);
      int n = all.length > 0 && all[all.length - 1].isEmpty() ? all.length - 1 : all.length;
      this.lines = java.util.Arrays.copyOf(all, n);
      this.name = name;
    }

    /** The next line; running out is an error naming what was expected. */
    public String next() {
      if (current >= lines.length) {
        throw InvalidInputException.atLine(name, current + 1, "unexpected end of file");
      }
      return lines[current++];
    }

    public boolean hasNext() {
      return current < lines.length;
    }

    /** The next line without consuming it, or null at the end. */
    public String peek() {
      return current < lines.length ? lines[current] : null;
    }

    /** 1-based number of the line last returned by {@link #next()}. */
    public int lineNumber() {
      return current;
    }

    public InvalidInputException error(String what) {
      return InvalidInputException.atLine(name, current, what);
    }

    public String[] tokens(String line) {
      String t = line.trim();
      return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    public double number(String token) {
      try {
        return Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
      } catch (NumberFormatException e) {
        throw error("expected a number, found '" + token + "'");
      }
    }

    public int integer(String token) {
      try {
        return Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw error("expected an integer, found '" + token + "'");
      }
    }

    /** The first n numbers of a line (further tokens are ignored). */
    public double[] vector(String line, int n) {
      String[] t = tokens(line);
      if (t.length < n) {
        throw error("expected " + n + " numbers, found '" + line.trim() + "'");
      }
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = number(t[i]);
      }
      return v;
    }
  }
}
