package ibcheck.symbolic;

import ibcheck.symbolic.claim.Claim;
import ibcheck.symbolic.claim.Claim.Op;
import ibcheck.symbolic.prove.FractionMatrix;
import ibcheck.symbolic.prove.RadicalElimination;
import ibcheck.symbolic.prove.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The Hessian-map condition as a claim form: {@code HessianMapQ(H, {w1, ..., wd})} asserts that the
 * matrix field H(w) is the Hessian of a potential (on a simply connected domain), which for a
 * symmetric field is equivalent to
 * <pre>  dH_ij / dw_k == dH_ik / dw_j   for all i, j, k.</pre>
 * For the CAS the claim expands into one labelled relation per symmetry pair (i, j) and per index
 * triple (i, j &lt; k), each simplified. The numeric witness does not trust symbolic derivatives: it
 * evaluates H at the point and at w +- h e_k in high precision and compares central differences. A
 * failure names the first offending triple with its nonzero difference. State "this is not a
 * Hessian map" with {@code expect: false}.
 *
 * <p>In every dimension at once: {@code HessianMapQ(H, b)} with b a single symbol, for a field built
 * from b by rotation-invariant operations ({@link IsotropicFields} checks how it is written). Such a
 * field is {@code phi(r) I + psi(r) b b^T}, r = ||b||; then
 * {@code dH_ij/db_k - dH_ik/db_j = (phi'(r)/r - psi(r)) (b_k delta_ij - b_j delta_ik)}, so it is a
 * Hessian map in any d &gt;= 2 exactly when {@code phi'(r) = r psi(r)}. The CAS reads phi and psi off
 * H at b = (r, 0) (d = 2): {@code phi = H_22}, {@code r^2 psi = H_11 - H_22}, and simplifies
 * {@code D(H_22, r) - (H_11 - H_22)/r}. The witness does not use the reduction: it checks the
 * condition itself by central differences in dimensions 2 to 5.
 *
 * <p>Over 300 lines on purpose: the expansion of the condition, its reduction to one radius, its
 * form on M and its form at one point are four readings of one definition, kept side by side so
 * that they stay equivalent.
 */
public final class HessianMaps {
  /** The claim's name in theorem files. */
  public static final String NAME = "HessianMapQ";

  private HessianMaps() {}

  static Claim parse(IAST ast) throws InvalidExpressionException {
    if (ast.argSize() == 2 && ast.arg2() instanceof ISymbol vector && !vector.isBuiltInSymbol()) {
      return new Claim.IsotropicHessianMap(ast.arg1(), vector);
    }
    if (ast.argSize() != 2 || !ast.arg2().isList()) {
      throw new InvalidExpressionException(NAME + " needs a matrix field and its variables: " + NAME
          + "(H, {w1, w2}) in a stated dimension, or " + NAME + "(H, b) in every dimension for a field built from"
          + " the vector b with Norm, Dot, Outer and IdentityMatrix(Length(b))");
    }
    List<ISymbol> vars = new ArrayList<>();
    for (IExpr v : (IAST) ast.arg2()) {
      if (!(v instanceof ISymbol s)) {
        throw new InvalidExpressionException(NAME + ": the variables must be symbols, got " + v);
      }
      vars.add(s);
    }
    if (vars.size() < 1 || vars.size() > 8) {
      throw new InvalidExpressionException(NAME + ": between 1 and 8 variables, got " + vars.size());
    }
    return new Claim.HessianMap(ast.arg1(), vars);
  }

  /** Evaluates the field to an explicit d x d matrix and expands the condition into relations. */
  static Claim.Conjunction expand(Claim.HessianMap claim, java.util.function.UnaryOperator<IExpr> eval)
      throws InvalidExpressionException {
    return expand(claim, eval, false);
  }

  /**
   * As {@link #expand(Claim.HessianMap, java.util.function.UnaryOperator)}; with {@code frozenInverse}
   * an Inverse of radicals is taken on the frozen form ({@link #field}), which proofs need and which
   * an exact evaluation at a point does not (its thawed entries are larger).
   */
  static Claim.Conjunction expand(Claim.HessianMap claim, java.util.function.UnaryOperator<IExpr> eval,
      boolean frozenInverse) throws InvalidExpressionException {
    int d = claim.variables().size();
    IExpr h = frozenInverse ? field(claim.field(), eval) : eval.apply(claim.field());
    if (!isSquareMatrix(h, d)) {
      throw new InvalidExpressionException(NAME + ": the field must evaluate to a " + d + " x " + d
          + " matrix (one row per variable), got " + shorten(h.toString()));
    }
    List<Claim> parts = new ArrayList<>();
    for (int i = 1; i <= d; i++) {
      for (int j = i + 1; j <= d; j++) {
        parts.add(new Claim.Relation(entry(h, i, j), Op.EQUAL, entry(h, j, i),
            "symmetry H_" + i + j + " == H_" + j + i));
      }
    }
    for (int i = 1; i <= d; i++) {
      for (int j = 1; j <= d; j++) {
        for (int k = j + 1; k <= d; k++) {
          IExpr lhs = eval.apply(F.D(entry(h, i, j), claim.variables().get(k - 1)));
          IExpr rhs = eval.apply(F.D(entry(h, i, k), claim.variables().get(j - 1)));
          parts.add(new Claim.Relation(lhs, Op.EQUAL, rhs,
              "(i, j, k) = (" + i + ", " + j + ", " + k + "): dH_" + i + j + "/d" + claim.variables().get(k - 1)
                  + " == dH_" + i + k + "/d" + claim.variables().get(j - 1)));
        }
      }
    }
    return new Claim.Conjunction(parts);
  }

  /**
   * The condition for a field {@code H = Inverse(M)} whose M has radicals, on M itself: since
   * {@code dH/dw_k = -H (dM/dw_k) H} and M is invertible, {@code dH_ij/dw_k} is symmetric in (j, k)
   * for every i exactly when {@code ((dM/dw_k) H)_lj} is symmetric in (j, k) for every l (multiply
   * the family of vectors {@code dH/dw_k e_j} by M); and H is symmetric exactly when M is. M's
   * radicals become symbols t with {@code t^n = p} ({@link RadicalElimination#freeze}), H is M's
   * inverse as a rational matrix, and each t is differentiated implicitly
   * ({@link RadicalElimination.Frozen#radicalDerivatives}). Each difference then has one factor of H
   * where the derivatives of H have two, and is a rational function of the variables and the t's.
   *
   * @return the differences with the radicals' relations, or null when the field is not such an Inverse
   */
  static FrozenCondition frozenCondition(Claim.HessianMap claim, UnaryOperator<IExpr> eval) {
    RadicalElimination.Frozen m = invertedWithRadicals(claim.field(), eval);
    int d = claim.variables().size();
    if (m == null || !isSquareMatrix(m.expr(), d)) {
      return null;
    }
    IExpr h = inverse(m, eval);
    if (h == null || !isSquareMatrix(h, d)) {
      return null;
    }
    List<IExpr> differences = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= d; i++) {
      for (int j = i + 1; j <= d; j++) {
        differences.add(F.Subtract(entry(m.expr(), i, j), entry(m.expr(), j, i)));
        labels.add("symmetry M_" + i + j + " == M_" + j + i);
      }
    }
    List<IExpr> slopes = new ArrayList<>(); // dM/dw_k, k = 1..d
    for (ISymbol w : claim.variables()) {
      List<IExpr> dt = m.radicalDerivatives(w, eval);
      org.matheclipse.core.interfaces.IASTAppendable rows = F.ListAlloc(d);
      for (int i = 1; i <= d; i++) {
        org.matheclipse.core.interfaces.IASTAppendable row = F.ListAlloc(d);
        for (int j = 1; j <= d; j++) {
          row.append(m.totalDerivative(entry(m.expr(), i, j), w, dt, eval));
        }
        rows.append(row);
      }
      slopes.add(rows);
    }
    for (int l = 1; l <= d; l++) {
      for (int j = 1; j <= d; j++) {
        for (int k = j + 1; k <= d; k++) {
          // ((dM/dw_k) H)_lj - ((dM/dw_j) H)_lk, left as a sum: the elimination puts it over one denominator
          org.matheclipse.core.interfaces.IASTAppendable difference = F.PlusAlloc(2 * d);
          for (int n = 1; n <= d; n++) {
            difference.append(F.Times(entry(slopes.get(k - 1), l, n), entry(h, n, j)));
            difference.append(F.Times(F.CN1, entry(slopes.get(j - 1), l, n), entry(h, n, k)));
          }
          differences.add(difference);
          labels.add("(l, j, k) = (" + l + ", " + j + ", " + k + "): ((dM/d" + claim.variables().get(k - 1) + ") H)_" + l
              + j + " == ((dM/d" + claim.variables().get(j - 1) + ") H)_" + l + k);
        }
      }
    }
    return new FrozenCondition(differences, labels, m.relations());
  }

  /**
   * The condition's differences in the radicals' symbols, each to be 0 under the relations.
   *
   * @param labels what each difference compares, in the same order
   */
  record FrozenCondition(List<IExpr> differences, List<String> labels, List<RadicalElimination.Relation> relations) {
    /**
     * The condition at one point, for an exact counterexample: each difference with the point's
     * exact values in and the radicals put back, a relation between exact numbers. Failing at the
     * point is the field failing there, by the same equivalence as the condition itself.
     */
    Claim.Conjunction at(Map<String, IExpr> point) {
      List<RadicalElimination.Relation> atPoint = new ArrayList<>();
      for (RadicalElimination.Relation r : relations) {
        atPoint.add(new RadicalElimination.Relation(r.t(), r.n(), Symbols.replace(r.base(), point)));
      }
      List<Claim> parts = new ArrayList<>();
      for (int i = 0; i < differences.size(); i++) {
        IExpr value = new RadicalElimination.Frozen(null, atPoint).thaw(Symbols.replace(differences.get(i), point));
        parts.add(new Claim.Relation(value, Op.EQUAL, F.C0, labels.get(i)));
      }
      return new Claim.Conjunction(parts);
    }
  }

  /**
   * The condition at one point, for an exact counterexample: relations between exact numbers. For
   * each variable w_k the field is evaluated on the line through the point along w_k (every other
   * symbol bound to its value, so definitions that read them see them too), differentiated in w_k
   * and evaluated at the point. Equal to {@link #expand} at the point, at a fraction of its cost:
   * derivatives of a field in one variable with rational coefficients, not in d variables.
   *
   * @param point every symbol of the field to an exact value
   */
  static Claim.Conjunction expandAt(Claim.HessianMap claim, Map<String, IExpr> point, UnaryOperator<IExpr> eval)
      throws InvalidExpressionException {
    int d = claim.variables().size();
    List<IExpr> lines = new ArrayList<>();
    for (ISymbol w : claim.variables()) {
      IExpr value = point.get(w.toString());
      if (value == null) {
        throw new InvalidExpressionException(NAME + ": the point gives no value to " + w);
      }
      List<IExpr> others = new ArrayList<>();
      point.forEach((name, v) -> {
        if (!name.equals(w.toString())) {
          others.add(F.Set(F.symbol(name), v));
        }
      });
      UnaryOperator<IExpr> onLine = e -> eval.apply(F.Block(F.List(others.toArray(new IExpr[0])), e));
      IExpr h = field(claim.field(), onLine, onLine);
      if (!isSquareMatrix(h, d)) {
        throw new InvalidExpressionException(NAME + ": the field must evaluate to a " + d + " x " + d + " matrix");
      }
      lines.add(h);
    }
    UnaryOperator<IExpr> atPoint = e -> eval.apply(F.ReplaceAll(e, F.Rule(claim.variables().get(0), point.get(claim.variables().get(0).toString()))));
    List<Claim> parts = new ArrayList<>();
    IExpr h = atPoint.apply(lines.get(0));
    for (int i = 1; i <= d; i++) {
      for (int j = i + 1; j <= d; j++) {
        parts.add(new Claim.Relation(entry(h, i, j), Op.EQUAL, entry(h, j, i), "symmetry H_" + i + j + " == H_" + j + i));
      }
    }
    for (int i = 1; i <= d; i++) {
      for (int j = 1; j <= d; j++) {
        for (int k = j + 1; k <= d; k++) {
          ISymbol wk = claim.variables().get(k - 1);
          ISymbol wj = claim.variables().get(j - 1);
          IExpr lhs = eval.apply(F.ReplaceAll(F.D(entry(lines.get(k - 1), i, j), wk), F.Rule(wk, point.get(wk.toString()))));
          IExpr rhs = eval.apply(F.ReplaceAll(F.D(entry(lines.get(j - 1), i, k), wj), F.Rule(wj, point.get(wj.toString()))));
          parts.add(new Claim.Relation(lhs, Op.EQUAL, rhs,
              "(i, j, k) = (" + i + ", " + j + ", " + k + "): dH_" + i + j + "/d" + wk + " == dH_" + i + k + "/d" + wj));
        }
      }
    }
    return new Claim.Conjunction(parts);
  }

  /**
   * The every-dimension claim in dimension d: b becomes the list {name$1, ..., name$d}, name being
   * b as the theorem file declares it.
   *
   * @throws IllegalArgumentException when d &lt; 2
   */
  static Claim.HessianMap inDimension(Claim.IsotropicHessianMap claim, int d, String name) {
    if (d < 2) {
      throw new IllegalArgumentException("a Hessian map in every dimension is checked in d >= 2, got " + d);
    }
    List<ISymbol> vars = new ArrayList<>();
    for (int i = 1; i <= d; i++) {
      vars.add(F.symbol(name + "$" + i));
    }
    IExpr field = claim.field().replaceAll(java.util.Map.of(claim.vector(), F.List(vars.toArray(new IExpr[0]))));
    return new Claim.HessianMap(field.isPresent() ? field : claim.field(), vars);
  }

  /**
   * The field evaluated; {@code Inverse(M)} of a matrix with radicals is inverted with the radicals
   * frozen to symbols ({@link RadicalElimination#freeze}) and put back after: Symja's Inverse on the
   * radicals themselves can take minutes, on rational functions it takes a fraction of a second. The
   * result is M's inverse wherever M is invertible (M Inverse(M) = I is a rational-function identity).
   */
  private static IExpr field(IExpr field, UnaryOperator<IExpr> eval) {
    return field(field, eval, eval);
  }

  /** As {@link #field(IExpr, UnaryOperator)}, the field's own expressions evaluated by {@code read}. */
  private static IExpr field(IExpr field, UnaryOperator<IExpr> read, UnaryOperator<IExpr> eval) {
    RadicalElimination.Frozen m = invertedWithRadicals(field, read);
    IExpr inverse = m == null ? null : inverse(m, eval);
    return inverse != null ? eval.apply(m.thaw(inverse)) : read.apply(field);
  }

  /** For a field {@code Inverse(M)} whose M has radicals: M, evaluated, its radicals frozen; else null. */
  private static RadicalElimination.Frozen invertedWithRadicals(IExpr field, UnaryOperator<IExpr> read) {
    if (!field.isAST(org.matheclipse.core.expression.S.Inverse, 2)) {
      return null;
    }
    RadicalElimination.Frozen m = RadicalElimination.freeze(read.apply(field.first()));
    return m == null || m.relations().isEmpty() ? null : m;
  }

  /** The frozen M's inverse, a rational matrix over common denominators; null when Symja cannot invert it. */
  private static IExpr inverse(RadicalElimination.Frozen m, UnaryOperator<IExpr> eval) {
    IExpr exact = FractionMatrix.inverse(m.expr());
    if (exact != null) {
      return exact;
    }
    IExpr inverse = eval.apply(F.Inverse(m.expr()));
    return inverse.isList() ? eval.apply(F.Together(inverse)) : null;
  }

  /** The symbol standing for ||b|| in the reduction (not a name a theorem file can declare). */
  static final String RADIUS = "ibchmradius";

  /**
   * The reduced identity {@code D(H_22, r) == (H_11 - H_22)/r}, H at b = (r, 0), r &gt; 0.
   *
   * @throws InvalidExpressionException when H at (r, 0) is not a 2 x 2 matrix
   */
  static Claim.Relation reduce(Claim.IsotropicHessianMap claim, java.util.function.UnaryOperator<IExpr> eval)
      throws InvalidExpressionException {
    ISymbol r = F.symbol(RADIUS);
    IExpr at = claim.field().replaceAll(java.util.Map.of(claim.vector(), F.List(r, F.C0)));
    IExpr h = eval.apply(at.isPresent() ? at : claim.field());
    if (!isSquareMatrix(h, 2)) {
      throw new InvalidExpressionException(NAME + ": at " + claim.vector() + " = (r, 0) the field must be a 2 x 2"
          + " matrix, got " + shorten(h.toString()));
    }
    IExpr parallel = entry(h, 1, 1);
    IExpr perpendicular = entry(h, 2, 2);
    return new Claim.Relation(eval.apply(F.D(perpendicular, r)), Op.EQUAL,
        F.Times(F.Subtract(parallel, perpendicular), F.Power(r, F.CN1)),
        "phi'(r) == r psi(r), with phi = H_22 and r^2 psi = H_11 - H_22 at " + claim.vector() + " = (r, 0)");
  }

  static IExpr entry(IExpr h, int i, int j) {
    return ((IAST) ((IAST) h).get(i)).get(j);
  }

  static boolean isSquareMatrix(IExpr h, int d) {
    if (!h.isList() || h.argSize() != d) {
      return false;
    }
    for (IExpr row : (IAST) h) {
      if (!row.isList() || row.argSize() != d) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }
}
