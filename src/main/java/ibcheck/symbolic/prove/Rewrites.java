package ibcheck.symbolic.prove;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The equality-preserving rewrites tried on lhs - rhs when Simplify leaves a residual: radical
 * normalisation under the signs ({@link Radicals}) and Gamma-ratio expansion ({@link GammaRatios}).
 * Each applies only where its residual has the functions it rewrites, and each gives an expression
 * equal to lhs - rhs at every admissible point, so a rewrite that simplifies to 0 proves the claim.
 */
public final class Rewrites {
  /** A rewrite of lhs - rhs; {@code apply} gives null when the rewrite's conditions do not hold. */
  public record Rewrite(String method, Supplier<IExpr> rewritten) {
    public IExpr apply() {
      return rewritten.get();
    }
  }

  private final Radicals radicals;
  private final GammaRatios gamma;
  private final UnaryOperator<IExpr> eval;
  private final SignReasoning signs;
  private final PiecewiseCases cases;

  public Rewrites(SignReasoning signs, UnaryOperator<IExpr> eval) {
    this.signs = signs;
    this.cases = new PiecewiseCases(eval);
    this.radicals = new Radicals(signs, eval);
    this.gamma = new GammaRatios(signs, eval);
    this.eval = eval;
  }

  /** The rewrites that apply to this difference (as written) and its Simplify residual. */
  public List<Rewrite> of(IExpr difference, IExpr residual) {
    List<Rewrite> out = new ArrayList<>();
    if (hasHalfPower(residual)) {
      out.add(new Rewrite("radical normalisation under the signs (factors pulled out of Sqrt and powers), then Simplify",
          () -> radicals.normalise(residual)));
    }
    if (hasHalfPower(residual)) {
      IExpr d = eval.apply(difference);
      for (IExpr b : radicals.positiveRootBases(d)) {
        out.add(new Rewrite("times a root Sqrt(b) (b > 0), square roots of bases >= 0 combined (Sqrt(a) Sqrt(c) ="
            + " Sqrt(a c)) and normalised under the signs, then Simplify", () -> radicals.combinedWithRoot(d, b)));
      }
    }
    if (!residual.isFree(x -> x.isAST(S.Binomial) || x.isAST(S.Gamma) || x.isAST(S.Pochhammer) || x.isAST(S.Factorial), true)) {
      out.add(new Rewrite("FunctionExpand, Gamma(x + k) ratios reduced to polynomials (Gamma arguments > 0), then Simplify",
          () -> gamma.expand(eval.apply(difference))));
    }
    return out;
  }

  /** Whether {@code lhs op rhs} holds in every case of its piecewise terms ({@link PiecewiseCases}). */
  public boolean byCases(IExpr lhs, IExpr rhs, ibcheck.symbolic.claim.Claim.Op op) {
    return cases.proves(lhs, rhs, op, signs);
  }

  /** e's square roots normalised under the signs. */
  public IExpr radicals(IExpr e) {
    return radicals.normalise(e);
  }

  /** e's square roots normalised under the signs with {@code symbol > 0} besides (a radius, say); e if that contradicts them. */
  public IExpr radicals(IExpr e, IExpr symbol) {
    SignReasoning narrowed = signs.narrowed(symbol, Interval.POSITIVE);
    return narrowed == null ? e : new Radicals(narrowed, eval).normalise(e);
  }

  /** Whether e has a power whose exponent is not an integer (a radical, or a symbolic power). */
  public static boolean hasHalfPower(IExpr e) {
    return !e.isFree(x -> x.isPower() && !x.exponent().isInteger(), true);
  }
}
