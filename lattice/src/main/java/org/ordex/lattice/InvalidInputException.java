package org.ordex.lattice;

/**
 * Bad user input: an unreadable or malformed file, an unknown species or prototype, an
 * option out of range. The message names the file or option and what was expected; the
 * {@code ordex} command prints it without a stack trace and exits with code 2.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A message about one line of a file: {@code "FILE line N: WHAT"}. */
  public static InvalidInputException atLine(String file, int line, String what) {
    return new InvalidInputException(file + " line " + line + ": " + what);
  }
}
