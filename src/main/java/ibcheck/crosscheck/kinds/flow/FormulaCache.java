package ibcheck.crosscheck.kinds.flow;

import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.TheoremSession;
import java.util.HashMap;
import java.util.Map;

/**
 * The file's scalar formulas a {@link FlowSetup} compiles when it runs (its activation, a time-warp's
 * warp), kept for the session that compiled them and shared by the instances a property draws.
 */
final class FormulaCache {
  private TheoremSession session;
  private final Map<String, CompiledExpression> scalars = new HashMap<>();

  synchronized CompiledExpression scalar(TheoremSession s, String key, Compiler<CompiledExpression> make)
      throws InvalidExpressionException {
    reset(s);
    CompiledExpression f = scalars.get(key);
    if (f == null) {
      f = make.compile();
      scalars.put(key, f);
    }
    return f;
  }

  private void reset(TheoremSession s) {
    if (session != s) {
      session = s;
      scalars.clear();
    }
  }

  /** Compiles a formula on a miss. */
  @FunctionalInterface
  interface Compiler<T> {
    T compile() throws InvalidExpressionException;
  }
}
