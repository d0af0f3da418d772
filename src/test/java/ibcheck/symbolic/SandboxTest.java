package ibcheck.symbolic;

import static ibcheck.TheoremFiles.theorem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.TheoremFiles;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A theorem file cannot read or write files, run processes, reach the network or call Java. */
class SandboxTest {
  @TempDir Path dir;

  private ClaimResult step(String show) {
    var run = TheoremFiles.check(dir, Map.of("evil.yaml",
        theorem("evil", "symbols:\n  z: real\n", "  - name: s\n    show: '" + show.replace("'", "''") + "'\n")));
    return run.claim("evil", "s");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Import(\"/etc/passwd\") == 0",          // file read
      "Export(\"/tmp/ibcheck-pwned\", 1) == 0", // file write
      "ReadString(\"/etc/passwd\") == 0",
      "Run(\"touch /tmp/ibcheck-pwned\") == 0",  // process
      "URLFetch(\"http://127.0.0.1/\") == 0",   // network
      "JavaNew(\"java.io.File\", \"/tmp\") == 0", // Java
      "ToExpression(\"Run(1)\") == 0",          // indirection through a string
      "Symbol(\"Run\") == 0",
      "$HomeDirectory == 0",                      // environment
      "Environment(\"HOME\") == 0",
      "(z /. z -> Import) == 0",                  // a replacement rule
      "SystemDialogInput() == 0",
  })
  void refusedBeforeEvaluation(String show) {
    ClaimResult r = step(show);
    assertEquals(Verdict.ERROR, r.verdict(), show + " -> " + r.message());
    assertTrue(r.message().startsWith("refused") || r.message().startsWith("string literals")
        || r.message().startsWith("undefined symbol"), r.message());
    assertTrue(!Files.exists(Path.of("/tmp/ibcheck-pwned")));
  }

  @Test
  void aDefinitionIsCheckedToo() {
    var run = TheoremFiles.check(dir, Map.of("evil.yaml",
        theorem("evil", "symbols:\n  z: real\ndefine:\n  f(z_): Import(z)\n", "  - name: s\n    show: f(z) == 0\n")));
    var r = run.theorem("evil").claims().get(0);
    assertEquals(Verdict.ERROR, r.verdict());
    assertTrue(r.message().contains("refused: 'Import'"), r.message());
    assertTrue(r.location().endsWith("evil.yaml:8"), r.location());
  }

  /**
   * Each capability by the built-in's name alone, without a string argument (so the refusal is of the
   * function, not of the string literal): the message names the function.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "file read             | Import(z) == 0",
      "file read             | ReadString(z) == 0",
      "file read             | Get(z) == 0",
      "file read             | OpenRead(z) == 0",
      "file read             | FileNames(z) == 0",
      "file write            | Export(z, 1) == 0",
      "file write            | Put(z, z) == 0",
      "file write            | OpenWrite(z) == 0",
      "file write            | CreateFile(z) == 0",
      "network               | URLFetch(z) == 0",
      "Java                  | JavaNew(z) == 0",
      "Java                  | JavaObject(z) == 0",
      "Java                  | LoadJavaClass(z) == 0",
      "Java                  | InstallJava() == 0",
      "environment           | $HomeDirectory == 0",
      "environment           | $UserName == 0",
      "environment           | $ScriptCommandLine == 0",
      "system clock, sleep   | Pause(z) == 0",
      "indirection           | ToExpression(z) == 0",
      "indirection           | Symbol(z) == 0",
      "indirection           | (z /. z -> Export)(z) == 0",
      "indirection           | Apply(Import, {z}) == 0",
      "indirection           | Map(ReadString, {z}) == 0",
      "indirection           | Function(u, Import(u))(z) == 0",
      "state outside a step  | Set(z, 1) == 1",
      "state outside a step  | Module({u}, Set(z, 1)) == 1",
      "state outside a step  | With({u = 1}, Set(z, u)) == 1",
      "state outside a step  | SetDelayed(z, 1) == 1",
      "state outside a step  | Clear(z) == 0",
      "output                | Print(z) == 0",
  })
  void refusedByName(String capability, String show) {
    ClaimResult r = step(show);
    assertEquals(Verdict.ERROR, r.verdict(), capability + ": " + show + " -> " + r.message());
    assertTrue(r.message().startsWith("refused: '"), capability + ": " + show + " -> " + r.message());
  }

  /** An assignment in one step must not change what a later step means. */
  @Test
  void aStepCannotAssignASymbolThatLaterStepsUse() {
    var run = TheoremFiles.check(dir, Map.of("assign.yaml", theorem("assign", "symbols:\n  z: real\n",
        "  - name: assign\n    show: Set(z, 0) == 0\n  - name: false unless z = 0\n    show: z^2 == z\n"
            + "  - name: a local constant is fine\n    show: With({u = 2}, u*z) == 2*z\n")));
    assertTrue(run.claim("assign", "assign").message().startsWith("refused: 'Set'"), run.claim("assign", "assign").message());
    assertEquals(Verdict.REFUTED, run.claim("assign", "false unless z = 0").verdict());
    assertEquals(Verdict.PROVED, run.claim("assign", "a local constant is fine").verdict(),
        run.claim("assign", "a local constant is fine").message());
  }

  @Test
  void symjasOwnSwitchesAreOff() {
    SymjaSession.assertSandboxed();
  }

  /**
   * Symja's built-ins are shared by every evaluator in the JVM: {@code Block({Plus = Times}, 0)} made
   * 1 + 1 equal 1 for the rest of the run. No construct may bind a built-in, directly or through
   * indirection, and scoping constructs may bind only fresh symbols.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Block({Plus = Times}, 0) == 0",
      "Block({Plus}, 0) == 0",
      "Module({Sin = Cos}, Sin(0)) == 1",
      "With({Exp = Cos}, Exp(0)) == 1",
      "Function({Tan}, Tan)(3) == 3",
      "Table(1, {Plus, 1, 2}) == {1, 1}",
      "Sum(1, {Log, 1, 3}) == 3",
      "Integrate(1, {Cosh, 0, 1}) == 1",
      "Limit(Exp, Exp -> 0) == 0",
      "(1 + z /. Plus -> Times) == z",
      "Block({z = 0}, z^2) == z",                         // a declared symbol as a local
      "With({q}, 1) == 1 && Block(u, 1) == 1",           // not a list of locals
      "Apply(Block, {{u}, 0}) == 0",                      // a binder passed as a value
      "Fold(Set, z, {1}) == 1",
      "Map(Function, {u}) == {u}",
      "Apply(Part(Function(With({u = 1}, u)), 1, 0), {{w = 1}, w}) == 1", // a head computed at run time
      "Hold(1 + 1) == Hold(2)",
      "ibcheckList(z) == z",                              // ibcheck's own names are reserved
  })
  void noConstructMayBindABuiltInNorADeclaredSymbol(String show) {
    ClaimResult r = step(show);
    assertEquals(Verdict.ERROR, r.verdict(), show + " -> " + r.message());
    assertTrue(r.message().startsWith("refused"), show + " -> " + r.message());
  }

  @Test
  void aRebindingDefinitionIsAnErrorAndTheOtherTheoremsOfTheRunStayCorrect() {
    var run = TheoremFiles.check(dir, Map.of(
        "a-evil.yaml", theorem("evil", "symbols:\n  z: real\ndefine:\n  f(z_): Block({Plus = Times}, 0)\n",
            "  - name: s\n    show: f(z) + Exp(0) == 0\n"),
        "b-good.yaml", theorem("good", "symbols:\n  z: real\n",
            "  - name: arithmetic\n    show: 1 + 1 == 2 && Exp(0) == 1\n"
                + "  - name: calculus\n    show: D(z^3, z) == 3*z^2 && Integrate(z^2, {z, 0, 1}) == 1/3\n"
                + "  - name: a wrong derivative\n    show: D(z^3, z) == 2*z\n    expect: false\n")));
    assertEquals(Verdict.ERROR, run.theorem("evil").verdict());
    assertTrue(run.theorem("evil").claims().get(0).message().contains("refused: the built-in 'Plus'"),
        run.theorem("evil").claims().get(0).message());
    assertEquals(Verdict.PROVED, run.claim("good", "arithmetic").verdict(), run.claim("good", "arithmetic").message());
    assertEquals(Verdict.PROVED, run.claim("good", "calculus").verdict(), run.claim("good", "calculus").message());
    assertTrue(run.claim("good", "a wrong derivative").verdict().passes());
  }

  /** The second wall: a rebinding that got past the sandbox is found, undone and reported. */
  @Test
  void aReboundBuiltInIsRestoredAndReported() throws InvalidExpressionException {
    SymjaSession session = new SymjaSession();
    org.matheclipse.core.interfaces.ISymbol gd =
        (org.matheclipse.core.interfaces.ISymbol) session.parse("Gudermannian");
    try {
      gd.assignValue(org.matheclipse.core.expression.F.C0);
      assertEquals(java.util.List.of("Gudermannian = 0"), SymjaSession.restoreBuiltIns());
      assertEquals(null, gd.assignedValue());
      assertEquals(java.util.List.of(), SymjaSession.restoreBuiltIns());
    } finally {
      gd.clearValue();
    }
  }

  /**
   * A list constructor Symja leaves unevaluated (too large) must not be read as data: Length and Part
   * of the unevaluated form would agree on both sides of any claim.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Length(Array(Sin, 10^9)) == 2",
      "Length(ConstantArray(z, {10^5, 10^5})) == 2",
      "Part(Array(Sin, 10^9), 2) == 10^9",
  })
  void anUnevaluatedConstructorIsAnErrorNotEvidence(String show) {
    ClaimResult r = step(show);
    assertEquals(Verdict.ERROR, r.verdict(), show + " -> " + r.message());
    assertTrue(r.message().contains("could not build its list"), show + " -> " + r.message());
  }
}
