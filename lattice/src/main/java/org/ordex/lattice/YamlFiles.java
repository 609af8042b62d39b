package org.ordex.lattice;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML files a user writes (system, study and DFT options files) as trees; a key
 * given twice is an error, and a syntax error is bad input on one line naming the file, the
 * line and the parser's problem.
 */
public final class YamlFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  /** Where SnakeYAML marks a context or a problem in its multi-line messages. */
  private static final Pattern MARK = Pattern.compile("in '[^']*', line (\\d+), column \\d+");
  /** Jackson's message for a key given twice. */
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

  private YamlFiles() {}

  /** The tree of a YAML file: null or a missing node when the file is empty. */
  public static JsonNode read(Path path) {
    try {
      return YAML.readTree(Text.read(path));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(path + where(e) + ": not valid YAML (" + problem(e)
          + ")");
    }
  }

  /** " line N" of the problem (the last mark SnakeYAML gives, else Jackson's location). */
  private static String where(JsonProcessingException e) {
    int line = -1;
    JsonLocation loc = e.getLocation();
    if (loc != null && loc.getLineNr() > 0) {
      line = loc.getLineNr();
    }
    Matcher m = MARK.matcher(e.getOriginalMessage());
    while (m.find()) {
      line = Integer.parseInt(m.group(1));
    }
    return line > 0 ? " line " + line : "";
  }

  /**
   * The parser's message on one line: SnakeYAML's context and problem without the marks and
   * the quoted source lines under them.
   */
  private static String problem(JsonProcessingException e) {
    Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
    if (duplicate.lookingAt()) {
      return "key '" + duplicate.group(1) + "' given twice";
    }
    List<String> parts = new ArrayList<>();
    for (String line : e.getOriginalMessage().split("\\R")) {
      String t = line.strip();
      if (t.isEmpty() || Character.isWhitespace(line.charAt(0)) || MARK.matcher(t).lookingAt()) {
        continue;
      }
      parts.add(t);
    }
    return String.join(", ", parts);
  }
}
