package org.ordex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.Text;

/**
 * A CSV table as ordex writes them: a header line of column names, then rows of the same
 * length; lines starting with {@code #} are comments (units), fields may be quoted with
 * {@code "} (a doubled quote inside is one quote).
 */
record Csv(Path file, List<String> header, List<String[]> rows) {

  /** Reads a table; a row with the wrong number of fields is bad input naming its line. */
  static Csv read(Path file) {
    Text.Lines in = new Text.Lines(Text.read(file), file.toString());
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    while (in.hasNext()) {
      String line = in.next();
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = split(line);
      if (header == null) {
        header = List.of(fields);
      } else if (fields.length != header.size()) {
        throw in.error(fields.length + " fields, the header has " + header.size());
      } else {
        rows.add(fields);
      }
    }
    if (header == null) {
      throw new InvalidInputException(file + ": empty table (no header line)");
    }
    return new Csv(file, header, rows);
  }

  /** The index of a column; bad input listing the columns when there is none. */
  int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new InvalidInputException(file + ": no column '" + name + "'; columns: "
          + String.join(", ", header));
    }
    return i;
  }

  /** The fields of one line. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString().trim());
    return out.toArray(new String[0]);
  }

  /** A value as a CSV field: quoted when it holds a comma or a quote. */
  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
