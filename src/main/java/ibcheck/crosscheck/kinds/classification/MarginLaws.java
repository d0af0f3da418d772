package ibcheck.crosscheck.kinds.classification;

import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.FileFormula;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The file's formulas of a max-margin check, compiled: the dynamics' {@code g(u) = -l'(u)} (Symja's
 * {@code D} of the loss), the rate r(t) and the offset law {@code offset(alpha, eta)}.
 *
 * @param negativeDerivativeExpr {@code -l'(u)} as Symja evaluated it
 */
record MarginLaws(IExpr negativeDerivativeExpr, CompiledExpression negativeDerivative, CompiledExpression rate,
    CompiledExpression offset) {
  static MarginLaws compile(TheoremSession session, MaxMarginCheck.Check c) throws InvalidExpressionException {
    IExpr loss = FileFormula.load(session, c.loss(), List.of("u"));
    IExpr u = session.session().parse("u");
    IExpr gExpr = session.session().eval(F.Times(F.CN1, F.D(loss, u)));
    CompiledExpression g;
    try {
      g = CompiledExpression.compile(gExpr, List.of("u"));
    } catch (InvalidExpressionException e) {
      throw new InvalidExpressionException("the loss '" + c.loss() + "': " + e.getMessage());
    }
    CompiledExpression rate = FileFormula.compile(session, c.rate(), List.of("t"));
    CompiledExpression offset = FileFormula.compile(session, c.offset(), List.of("alpha", "eta"));
    return new MarginLaws(gExpr, g, rate, offset);
  }

  String negativeDerivativeText() {
    return negativeDerivativeExpr.toString();
  }
}
