package ibcheck.symbolic;

import ibcheck.spec.Definition;
import ibcheck.symbolic.claim.Claim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Decides from how a matrix field is written whether {@code HessianMapQ(H, b)} may be checked in
 * every dimension at once: H must be built from the vector b only by operations that commute with
 * rotations and do not see the dimension, so that it lies in the algebra spanned by I and b b^T with
 * coefficients that are functions of ||b|| alone, the same in every d. Then H at b = (r, 0) in d = 2
 * determines H in every d &gt;= 2 (its eigenvalue along b and the one across it).
 *
 * <p>The file's definitions are inlined (their parameters replaced by the arguments) and every
 * subexpression gets a type: a scalar (b-free, or b only inside {@code Norm(b)} and
 * {@code Dot(b, b)}), a matrix of the algebra ({@code IdentityMatrix(Length(b))},
 * {@code Outer(Times, b, b)}, and from matrices: sums of matrices, a product with scalars,
 * {@code Dot} of matrices, {@code Inverse}, {@code MatrixPower}, {@code Transpose}), or b itself
 * (only as an argument of those). Anything else involving b or a matrix is refused, naming the
 * subexpression: a component of b ({@code b[[1]]}), an explicit list, {@code Length(b)} outside
 * {@code IdentityMatrix}, a scalar added to a matrix (Symja adds it to every entry), an entrywise
 * product or function of a matrix ({@code Sqrt(M)}, {@code M^-1}, {@code M*M}).
 */
public final class IsotropicFields {
  private static final Pattern PATTERN_VAR = Pattern.compile("([A-Za-z][A-Za-z0-9]*)_");
  private static final int MAX_INLINING = 64;
  /** Built-ins that make or rearrange lists of a fixed size: never part of a field in every dimension. */
  private static final java.util.Set<String> FIXED_SIZE = java.util.Set.of("array", "table", "constantarray",
      "range", "diagonalmatrix", "unitvector", "join", "flatten", "take", "drop", "reverse", "sort", "tuples",
      "subsets", "permutations", "map", "mapindexed", "thread", "select", "accumulate", "differences",
      "kroneckerproduct", "symmetrize", "eigenvalues", "eigenvectors", "nullspace", "linearsolve", "grad",
      "cross", "inner", "diagonal", "dimensions", "rest", "most", "first", "last", "part", "apply", "fold",
      "nest", "total", "span");

  private enum Type { SCALAR, MATRIX, VECTOR }

  private final TheoremSession session;
  private final ISymbol vector;
  private final Map<String, List<Definition>> definitions = new HashMap<>();
  private int depth;

  private IsotropicFields(TheoremSession session, ISymbol vector) {
    this.session = session;
    this.vector = vector;
    for (Definition d : session.spec().definitions()) {
      definitions.computeIfAbsent(d.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
    }
  }

  /**
   * @throws InvalidExpressionException saying which subexpression keeps the field from being
   *     reduced, and why
   */
  static void check(Claim.IsotropicHessianMap claim, TheoremSession session) throws InvalidExpressionException {
    IsotropicFields f = new IsotropicFields(session, claim.vector());
    if (session.spec().symbols().keySet().stream().noneMatch(s -> s.equalsIgnoreCase(claim.vector().toString()))) {
      throw new InvalidExpressionException(HessianMaps.NAME + "(H, " + claim.vector() + "): declare " + claim.vector()
          + " under 'symbols:' (its range is where the witness draws each component)");
    }
    Type t = f.type(claim.field());
    if (t != Type.MATRIX) {
      throw new InvalidExpressionException(HessianMaps.NAME + "(H, " + claim.vector() + "): the field is "
          + (t == Type.SCALAR ? "a scalar" : "the vector itself") + ", not a matrix built from " + claim.vector());
    }
  }

  private InvalidExpressionException refuse(IExpr e, String why) {
    String text = e.toString();
    return new InvalidExpressionException(HessianMaps.NAME + "(H, " + vector + ") in every dimension needs H built from "
        + vector + " with Norm, Dot(" + vector + ", " + vector + "), Outer(Times, " + vector + ", " + vector
        + "), IdentityMatrix(Length(" + vector + ")), Inverse, Dot of matrices and scalar factors; "
        + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + ": " + why
        + " (state it in a fixed dimension instead: " + HessianMaps.NAME + "(H, {w1, w2}))");
  }

  private boolean isVector(IExpr e) {
    return e instanceof ISymbol s && s.toString().equalsIgnoreCase(vector.toString());
  }

  /**
   * The type (scalar, vector, matrix) of e, or the error naming the operation that is not rotation
   * invariant. One switch over the operations a field may use, hence its length: one case each.
   */
  private Type type(IExpr e) throws InvalidExpressionException {
    if (isVector(e)) {
      return Type.VECTOR;
    }
    if (e instanceof ISymbol s) {
      IExpr body = inline(s.toString(), List.of(), e);
      return body == null ? Type.SCALAR : inlined(body);
    }
    if (!(e instanceof IAST ast)) {
      return Type.SCALAR; // numbers
    }
    if (!(ast.head() instanceof ISymbol headSymbol)) {
      throw refuse(e, "a compound head");
    }
    String head = headSymbol.toString();
    if (!headSymbol.isBuiltInSymbol()) {
      List<IExpr> args = new ArrayList<>();
      for (int i = 1; i <= ast.argSize(); i++) {
        args.add(ast.get(i));
      }
      IExpr body = inline(head, args, e);
      if (body == null) {
        throw refuse(e, "'" + head + "' is not defined in the file with " + args.size() + " arguments");
      }
      return inlined(body);
    }
    switch (head.toLowerCase(Locale.ROOT)) {
      case "norm":
        if (ast.argSize() == 1 && (isVector(ast.arg1()) || type(ast.arg1()) == Type.SCALAR)) {
          return Type.SCALAR;
        }
        throw refuse(e, "Norm of something other than the vector or a scalar");
      case "dot": {
        if (ast.argSize() == 2 && isVector(ast.arg1()) && isVector(ast.arg2())) {
          return Type.SCALAR;
        }
        for (int i = 1; i <= ast.argSize(); i++) {
          if (type(ast.get(i)) != Type.MATRIX) {
            throw refuse(e, "Dot of anything but (b, b) or matrices built from b (a matrix times b is a vector)");
          }
        }
        return Type.MATRIX;
      }
      case "outer":
        if (ast.argSize() == 3 && ast.arg1().toString().equalsIgnoreCase("Times") && isVector(ast.arg2())
            && isVector(ast.arg3())) {
          return Type.MATRIX;
        }
        throw refuse(e, "only Outer(Times, b, b) is allowed");
      case "identitymatrix":
        if (ast.argSize() == 1 && ast.arg1() instanceof IAST len && len.head().toString().equalsIgnoreCase("Length")
            && len.argSize() == 1 && isVector(len.arg1())) {
          return Type.MATRIX;
        }
        throw refuse(e, "the identity must be IdentityMatrix(Length(b)), so that its size follows the dimension");
      case "inverse":
      case "transpose":
        if (ast.argSize() == 1 && type(ast.arg1()) == Type.MATRIX) {
          return Type.MATRIX;
        }
        throw refuse(e, head + " of something other than a matrix built from b");
      case "matrixpower":
        if (ast.argSize() == 2 && type(ast.arg1()) == Type.MATRIX && type(ast.arg2()) == Type.SCALAR) {
          return Type.MATRIX;
        }
        throw refuse(e, "MatrixPower needs a matrix built from b and a scalar exponent");
      case "plus":
      case "subtract":
        return sum(ast);
      case "minus":
        return same(ast);
      case "times":
        return product(ast);
      case "divide":
        if (ast.argSize() == 2 && type(ast.arg2()) == Type.SCALAR) {
          Type t = type(ast.arg1());
          if (t != Type.VECTOR) {
            return t;
          }
        }
        throw refuse(e, "division by a matrix or the vector acts entrywise");
      case "length":
        throw refuse(e, "Length(b) outside IdentityMatrix(Length(b)) makes the field depend on the dimension");
      case "list":
        throw refuse(e, "an explicit list has a fixed size");
      default:
        if (FIXED_SIZE.contains(head.toLowerCase(Locale.ROOT))) {
          throw refuse(e, "'" + head + "' works on lists of a fixed size");
        }
        for (int i = 1; i <= ast.argSize(); i++) {
          if (type(ast.get(i)) != Type.SCALAR) {
            throw refuse(e, "'" + head + "' applied to the vector or to a matrix works on its components");
          }
        }
        return Type.SCALAR;
    }
  }

  private Type inlined(IExpr body) throws InvalidExpressionException {
    if (++depth > MAX_INLINING) {
      throw refuse(body, "definitions nest more than " + MAX_INLINING + " deep");
    }
    try {
      return type(body);
    } finally {
      depth--;
    }
  }

  private Type sum(IAST ast) throws InvalidExpressionException {
    Type t = null;
    for (int i = 1; i <= ast.argSize(); i++) {
      Type ti = type(ast.get(i));
      if (ti == Type.VECTOR || (t != null && ti != t)) {
        throw refuse(ast, "adding a scalar to a matrix adds it to every entry");
      }
      t = ti;
    }
    return t == null ? Type.SCALAR : t;
  }

  private Type same(IAST ast) throws InvalidExpressionException {
    Type t = type(ast.arg1());
    if (t == Type.VECTOR) {
      throw refuse(ast, "the vector itself is not a matrix");
    }
    return t;
  }

  private Type product(IAST ast) throws InvalidExpressionException {
    int matrices = 0;
    for (int i = 1; i <= ast.argSize(); i++) {
      Type ti = type(ast.get(i));
      if (ti == Type.VECTOR) {
        throw refuse(ast, "a scalar multiple of the vector is a vector, not a matrix");
      }
      if (ti == Type.MATRIX) {
        matrices++;
      }
    }
    if (matrices > 1) {
      throw refuse(ast, "Times of two matrices is their entrywise product; use Dot");
    }
    return matrices == 1 ? Type.MATRIX : Type.SCALAR;
  }

  /**
   * The body of the file's definition of {@code name} with its parameters replaced by {@code args},
   * or null when the file does not define it with that many arguments.
   */
  private IExpr inline(String name, List<IExpr> args, IExpr at) throws InvalidExpressionException {
    List<Definition> candidates = definitions.get(name.toLowerCase(Locale.ROOT));
    if (candidates == null) {
      return null;
    }
    for (Definition d : candidates) {
      List<String> params = new ArrayList<>();
      Matcher m = PATTERN_VAR.matcher(d.lhs());
      while (m.find()) {
        params.add(m.group(1));
      }
      boolean bare = d.lhs().indexOf('(') < 0;
      if (bare != args.isEmpty() || params.size() != args.size()) {
        continue;
      }
      IExpr body = session.session().parse(d.rhs());
      Map<IExpr, IExpr> values = new HashMap<>();
      for (int i = 0; i < params.size(); i++) {
        values.put(session.session().parse(params.get(i)), args.get(i));
      }
      IExpr replaced = values.isEmpty() ? body : body.replaceAll(values);
      return replaced.isPresent() ? replaced : body;
    }
    return null;
  }
}
