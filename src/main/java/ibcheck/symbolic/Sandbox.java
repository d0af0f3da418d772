package ibcheck.symbolic;

import java.util.Set;
import java.util.TreeSet;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The wall between a theorem file and the machine. Every expression is inspected before it is
 * evaluated: built-in functions must be on an allow-list of mathematics (no Import, Export, Run,
 * Java*, ToExpression, Symbol, $HomeDirectory, ... by name or otherwise), string literals are
 * refused (so no name can be assembled at run time), and every other symbol must be declared by the
 * file. Symja's own file-system and Java switches stay off as a second wall
 * ({@link SymjaSession#assertSandboxed()}).
 */
public final class Sandbox {

  /** Built-in Symja symbols a theorem file may use: mathematics only. */
  static final Set<String> ALLOWED = lowerCase(
      // arithmetic and elementary functions
      "Plus", "Times", "Power", "Sqrt", "Surd", "CubeRoot", "Exp", "Log", "Log2", "Log10", "Abs", "Sign",
      "Sin", "Cos", "Tan", "Cot", "Sec", "Csc", "ArcSin", "ArcCos", "ArcTan", "ArcCot", "Sinh", "Cosh",
      "Tanh", "Coth", "Sech", "Csch", "ArcSinh", "ArcCosh", "ArcTanh", "ArcCoth", "Min", "Max", "Floor",
      "Ceiling", "Round", "Mod", "Quotient", "Gamma", "Beta", "Erf", "Erfc", "Binomial", "Factorial",
      "Pochhammer", "Re", "Im", "Conjugate", "Ramp", "UnitStep", "HeavisideTheta", "Clip", "Rational",
      "Complex", "Subtract", "Divide", "Minus", "Sqr", "Boole", "KroneckerDelta", "Multinomial",
      "Hypergeometric2F1", "PolyLog", "Zeta", "LogGamma", "ExpIntegralEi", "Gudermannian",
      // constants and domains
      "Pi", "E", "I", "Infinity", "ComplexInfinity", "DirectedInfinity", "Indeterminate", "True",
      "False", "Reals", "Integers", "Rationals", "Complexes", "Positive", "Negative", "Element",
      "Degree", "EulerGamma", "GoldenRatio",
      // comparisons and logic
      "Equal", "Unequal", "Less", "LessEqual", "Greater", "GreaterEqual", "Inequality", "And", "Or",
      "Not", "Implies", "Xor", "If", "Piecewise", "Which", "ForAll", "Exists", "Boolean",
      // calculus
      "D", "Derivative", "Integrate", "Limit", "Series", "SeriesData", "SeriesCoefficient", "O",
      "Normal", "Sum", "Product", "Direction", "Assumptions", "Dt",
      // algebra and simplification
      "Simplify", "FullSimplify", "Expand", "ExpandAll", "Factor", "Together", "Apart", "Cancel",
      "Collect", "Coefficient", "CoefficientList", "Numerator", "Denominator", "PowerExpand",
      "TrigExpand", "TrigToExp", "ExpToTrig", "TrigReduce", "FunctionExpand", "Refine", "ComplexExpand",
      "PossibleZeroQ", "Solve", "Reduce", "Eliminate", "Roots", "Resultant", "PolynomialQuotient",
      "PolynomialRemainder", "Exponent",
      // lists, vectors and matrices
      "List", "Part", "Span", "All", "Length", "Total", "Mean", "Variance", "Table", "Range", "Array",
      "Dot", "Cross", "Norm", "Outer", "Inner", "Transpose", "IdentityMatrix", "DiagonalMatrix",
      "ConstantArray", "Inverse", "Det", "Tr", "Eigenvalues", "Eigenvectors", "MatrixPower", "MatrixExp",
      "Diagonal", "Dimensions", "Flatten", "Join", "Take", "Drop", "First", "Last", "Rest", "Most",
      "Reverse", "Sort", "Subsets", "Tuples", "Permutations", "Map", "Apply", "MapIndexed", "Thread",
      "Select", "Count", "Function", "Slot", "SlotSequence", "Accumulate", "Differences", "Grad",
      "UnitVector", "Symmetrize", "SymmetricMatrixQ", "PositiveDefiniteMatrixQ", "ArrayDepth",
      "LinearSolve", "NullSpace", "MatrixRank", "Fold", "Nest", "KroneckerProduct", "StandardDeviation",
      // rules, patterns and numerics
      "Rule", "RuleDelayed", "ReplaceAll", "Pattern", "Blank", "Condition", "N", "Chop", "Rationalize",
      "NIntegrate", "NSum", "FindRoot", "Null", "Sequence", "Module", "With", "Block", "Set" /* only in a local-variable list */,
      "Evaluate", "NumericQ", "Tolerance", "Method", "Automatic", "PrecisionGoal", "WorkingPrecision");

  private Sandbox() {}

  // Symja's relaxed parser is case-insensitive: compare names in lower case
  private static Set<String> lowerCase(String... names) {
    Set<String> out = new java.util.HashSet<>();
    for (String n : names) {
      out.add(n.toLowerCase(java.util.Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /**
   * Checks an expression parsed from a theorem file.
   *
   * @param expr the parsed, unevaluated expression
   * @param known symbols the file declares or defines (pattern and bound variables included)
   * @throws InvalidExpressionException naming the first refused function or undefined symbol
   */
  public static void check(IExpr expr, Set<String> known) throws InvalidExpressionException {
    Set<String> undefined = new TreeSet<>();
    Set<String> knownLower = new java.util.HashSet<>();
    known.forEach(k -> knownLower.add(k.toLowerCase(java.util.Locale.ROOT)));
    walk(expr, knownLower, undefined, 0, new int[1]);
    if (!undefined.isEmpty()) {
      throw new InvalidExpressionException(
          "undefined symbol" + (undefined.size() > 1 ? "s " : " ") + String.join(", ", undefined)
              + " (declare it under 'symbols:' or define it under 'define:')");
    }
  }

  /** Larger literals or expressions than a theorem needs are refused before anything runs. */
  static final int MAX_DIGITS = 10_000;
  static final int MAX_NODES = 100_000;

  private static void walk(IExpr e, Set<String> known, Set<String> undefined, int depth, int[] nodes)
      throws InvalidExpressionException {
    walk(e, false, known, undefined, depth, nodes);
  }

  /**
   * @param head whether {@code e} stands in head position (applied), where a binding built-in may
   *     appear; anywhere else it would be passed around as a value and applied out of the sandbox's sight
   */
  private static void walk(IExpr e, boolean head, Set<String> known, Set<String> undefined, int depth, int[] nodes)
      throws InvalidExpressionException {
    if (depth > 200) {
      throw new InvalidExpressionException("expression nested more than 200 levels deep");
    }
    if (++nodes[0] > MAX_NODES) {
      throw new InvalidExpressionException("expression larger than " + MAX_NODES + " nodes");
    }
    if (e instanceof org.matheclipse.core.interfaces.IInteger i && i.bitLength() > MAX_DIGITS * 3.33) {
      throw new InvalidExpressionException("a number with more than " + MAX_DIGITS + " digits");
    }
    if (e.isString()) {
      throw new InvalidExpressionException(
          "string literals are not allowed in theorem files (found \"" + shorten(e.toString()) + "\")");
    }
    if (e instanceof ISymbol s) {
      symbol(s, head, known, undefined);
      return;
    }
    if (e instanceof IAST ast) {
      String name = lower(ast.head());
      if (name.equals("set")) {
        // an assignment would outlive its step: a later step would see z = 0 and 'prove' z^2 == z
        throw new InvalidExpressionException("refused: 'Set' (assignment) outside the local-variable list of"
            + " With/Module/Block: a step may not assign to symbols; use 'define:' for definitions");
      }
      walk(ast.head(), true, known, undefined, depth + 1, nodes);
      if (!(ast.head() instanceof ISymbol) && !appliesFunctionOrDerivative(ast.head())) {
        throw new InvalidExpressionException("refused: a function computed at run time (" + shorten(ast.head().toString())
            + ") cannot be applied; apply a named function or a Function(...)");
      }
      Bindings.check(ast, name, known);
      boolean scoping = SCOPING.contains(name);
      Set<String> inScope = scoping ? withLocals((IAST) ast.arg1(), known) : known;
      for (int i = 1; i < ast.size(); i++) {
        if (scoping && i == 1) {
          walkLocals((IAST) ast.arg1(), inScope, undefined, depth + 1, nodes);
        } else {
          walk(ast.get(i), false, inScope, undefined, depth + 1, nodes);
        }
      }
    }
  }

  private static void symbol(ISymbol s, boolean head, Set<String> known, Set<String> undefined)
      throws InvalidExpressionException {
    String name = s.toString();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (s.isBuiltInSymbol()) {
      if (!ALLOWED.contains(lower)) {
        throw new InvalidExpressionException("refused: '" + name
            + "' is not an allowed mathematical function (theorem files may not read or write"
            + " files, run processes, reach the network or call Java)");
      }
      if (!head && Bindings.APPLIED_ONLY.contains(lower)) {
        throw new InvalidExpressionException("refused: '" + name + "' binds or assigns variables, so it may only be"
            + " applied where it is written (" + name + "(...)), never passed as a value");
      }
    } else if (lower.startsWith(RESERVED_PREFIX) || lower.startsWith("$")) {
      throw new InvalidExpressionException("refused: '" + name + "' is reserved for ibcheck itself");
    } else if (!known.contains(lower)) {
      undefined.add(name);
    }
  }

  /** Names ibcheck defines in every session for its own checks; a theorem file may not touch them. */
  static final String RESERVED_PREFIX = "ibcheck";

  /** f'(x) is Derivative(1)(f)(x), a pure function is Function(...)(x): the only computed heads allowed. */
  private static boolean appliesFunctionOrDerivative(IExpr head) {
    IExpr root = head;
    while (root instanceof IAST a) {
      root = a.head();
    }
    String name = lower(root);
    return name.equals("function") || name.equals("derivative");
  }

  /** A name as Symja's case-insensitive parser sees it. */
  static String lower(IExpr e) {
    return e.toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** Functions whose first argument lists local variables, each a symbol or {@code symbol = value}. */
  static final Set<String> SCOPING = Set.of("with", "module", "block");

  /** The known names plus the local variables a With/Module/Block declares, within its scope. */
  private static Set<String> withLocals(IAST locals, Set<String> known) {
    Set<String> out = new java.util.HashSet<>(known);
    for (IExpr local : locals) {
      IExpr name = local.isAST() && ((IAST) local).argSize() == 2 ? ((IAST) local).arg1() : local;
      if (name.isSymbol() && !((ISymbol) name).isBuiltInSymbol()) {
        out.add(name.toString().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  private static void walkLocals(IAST locals, Set<String> known, Set<String> undefined, int depth, int[] nodes)
      throws InvalidExpressionException {
    for (IExpr local : locals) {
      if (local.isAST() && lower(((IAST) local).head()).equals("set")) {
        // the local's name was checked by Bindings; its value is an ordinary expression
        walk(((IAST) local).arg2(), false, known, undefined, depth + 1, nodes);
      }
    }
  }

  static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
