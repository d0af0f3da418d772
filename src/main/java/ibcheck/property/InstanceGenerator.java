package ibcheck.property;

import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.Sandbox;
import ibcheck.symbolic.SymjaSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Builds the QuickTheories generator of a property's instances. Quantities are drawn in order, so a
 * bound may depend on earlier quantities; QuickTheories shrinks through the whole chain.
 */
final class InstanceGenerator {
  private final SymjaSession session;
  private final String property;

  InstanceGenerator(SymjaSession session, String property) {
    this.session = session;
    this.property = property;
  }

  Gen<Instance> build(List<Quantity> quantities) throws InvalidExpressionException {
    Gen<Instance> gen = Generate.constant(Instance::empty);
    Set<String> earlier = new HashSet<>();
    for (Quantity q : quantities) {
      Bound low = bound(q, q.low(), earlier);
      Bound high = bound(q, q.high(), earlier);
      earlier.add(q.name());
      gen = gen.flatMap(inst -> draw(q, low.at(inst), high.at(inst), inst).map(v -> inst.with(q.name(), v)));
    }
    return gen;
  }

  private Gen<Double> draw(Quantity q, double lo, double hi, Instance inst) {
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi
        || (q.distribution() == Quantity.Distribution.INT && Math.ceil(lo) > Math.floor(hi))
        || (q.distribution() == Quantity.Distribution.LOG_UNIFORM && lo <= 0)) {
      throw new UnsatisfiableException("property '" + property + "': cannot draw " + q.name() + " ("
          + q.location() + "): " + q.distribution().word + " in [" + lo + ", " + hi + "] is empty"
          + (inst.values().isEmpty() ? "" : " when " + inst) + "; the generator's constraints cannot be satisfied");
    }
    return switch (q.distribution()) {
      case REAL -> SourceDSL.doubles().between(lo, hi);
      case LOG_UNIFORM -> SourceDSL.doubles().between(Math.log(lo), Math.log(hi)).map(Math::exp);
      case INT -> SourceDSL.integers().between((int) Math.ceil(lo), (int) Math.floor(hi)).map(Integer::doubleValue);
    };
  }

  /** A bound: a number, or an expression of earlier quantities evaluated per instance. */
  private Bound bound(Quantity q, String text, Set<String> earlier) throws InvalidExpressionException {
    IExpr e;
    try {
      e = session.parse(text);
      Sandbox.check(e, earlier);
    } catch (InvalidExpressionException ex) {
      throw new InvalidExpressionException("quantity " + q.name() + " (" + q.location() + "): bound '" + text + "': " + ex.getMessage());
    }
    IExpr evaluated = session.eval(e);
    if (evaluated.isNumber()) {
      double v = evaluated.evalf();
      return inst -> v;
    }
    Map<IExpr, String> symbols = new HashMap<>();
    for (String name : earlier) {
      symbols.put(session.evalInternal("Hold(" + name + ")").first(), name);
    }
    return inst -> {
      try {
        return evaluated.evalf(x -> symbols.containsKey(x) ? F.num(inst.values().get(symbols.get(x))) : F.NIL);
      } catch (RuntimeException ex) {
        return Double.NaN;
      }
    };
  }

  private interface Bound {
    double at(Instance inst);
  }

  /** A generator whose constraints cannot be met: a clear error, not a skipped property. */
  static final class UnsatisfiableException extends RuntimeException {
    UnsatisfiableException(String message) {
      super(message);
    }
  }
}
