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

  public static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
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
