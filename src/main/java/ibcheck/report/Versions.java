package ibcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions a report names (ibcheck, Symja, Hipparchus, Java), read from the classpath rather
 * than hard-coded so a dependency bump can never leave a report lying about what checked it.
 */
final class Versions {
  private Versions() {}

  static Map<String, String> all() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("ibcheck", read("/ibcheck/version.properties", "version"));
    v.put("Symja", read("/META-INF/maven/org.matheclipse/matheclipse-core/pom.properties", "version"));
    v.put("Hipparchus", read("/META-INF/maven/org.hipparchus/hipparchus-core/pom.properties", "version"));
    v.put("Java", System.getProperty("java.version"));
    return v;
  }

  private static String read(String resource, String key) {
    try (InputStream in = Versions.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
