package ibcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a CI tool sees of the gate: the failsafe XML that {@link TheoremGateIT} leaves names one
 * testcase per claim, {@code <theorem id> › <claim name>}, exactly the claims of summary.json, each
 * with the claim's checking time in its output. Runs
 * after TheoremGateIT in the same JVM (the pom orders the classes alphabetically) and waits for
 * failsafe to write that class's XML.
 */
class TheoremGateXmlIT {
  private static final Path XML = Path.of("target", "failsafe-reports", "TEST-" + TheoremGateIT.class.getName() + ".xml");

  @Test
  void failsafeNamesEachClaimsTestcaseAfterItsTheoremAndClaim() throws Exception {
    Assumptions.assumeTrue(TheoremGateIT.started > 0, "TheoremGateIT did not run in this JVM");
    long deadline = System.currentTimeMillis() + 120_000;
    // failsafe writes the XML when it hears that TheoremGateIT finished, a moment after it did
    while (!(Files.exists(XML) && Files.getLastModifiedTime(XML).toMillis() >= TheoremGateIT.started)) {
      assertTrue(System.currentTimeMillis() < deadline, "failsafe did not write " + XML.toAbsolutePath());
      Thread.sleep(200);
    }
    Thread.sleep(500); // the file may still be being written
    NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(XML.toFile())
        .getElementsByTagName("testcase");
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      String name = testcase.getAttribute("name");
      names.add(name);
      // the claim's own checking time, which the testcase's measured time (~0) is not
      NodeList out = testcase.getElementsByTagName("system-out");
      assertTrue(out.getLength() == 1 && Pattern.compile(Pattern.quote(name) + ": [a-z-]+ in \\d+\\.\\d{3} s")
          .matcher(out.item(0).getTextContent()).find(), name + " has no per-claim time in its output");
    }
    JsonNode summary = new ObjectMapper().readTree(GateConfig.fromSystemProperties().reports().resolve("summary.json").toFile());
    Set<String> claims = new TreeSet<>();
    for (JsonNode t : summary.get("theorems")) {
      for (JsonNode c : t.get("claims")) {
        claims.add(t.get("id").asText() + " › " + c.get("name").asText());
      }
    }
    assertTrue(!claims.isEmpty(), "summary.json lists no claims");
    assertEquals(claims, names, "failsafe's testcases are the claims of summary.json, named <theorem id> › <claim name>");
  }
}
