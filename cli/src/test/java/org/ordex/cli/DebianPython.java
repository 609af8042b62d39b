package org.ordex.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Debian's /usr/bin/python3 for tests that use ASE or GPAW as external programs. */
final class DebianPython {
  static final String PATH = "/usr/bin/python3";

  private DebianPython() {}

  /** True when {@code /usr/bin/python3 -c "import MODULE"} succeeds. */
  static boolean canImport(String module) {
    try {
      Process p = new ProcessBuilder(PATH, "-c", "import " + module).start();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
