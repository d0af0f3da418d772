package ibcheck.models.declarative;

import ibcheck.symbolic.CompiledExpression;
import ibcheck.symbolic.InvalidExpressionException;
import ibcheck.symbolic.Sandbox;
import ibcheck.symbolic.SymjaSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A {@link ModelDefinition} with its formulas compiled to doubles once, when the file is read: beta,
 * its partial derivatives {@code d beta / d block_k} (Symja's {@code D} of the file's formula), every
 * block's initial value, the arguments of the drawn vectors' laws and a declared loss
 * ({@link SampleLoss}). Every formula passes the
 * {@link Sandbox} first: it may use only the model's own names and mathematics.
 *
 * <p>All compiled formulas read one variable layout: the blocks, then the settings, then the vectors
 * (the blocks' and vectors' entries at one coordinate, the settings as set).
 */
final class CompiledModel {
  /** Symja's D of a stranger's formula gets this long. */
  private static final double DERIVATIVE_SECONDS = 10;

  final ModelDefinition definition;
  final CompiledExpression beta;
  final CompiledExpression[] partials;
  final CompiledExpression[] init;
  /** The laws' argument formulas, by their text. */
  final Map<String, CompiledExpression> lawArguments;
  /** The declared per-sample loss, or null for the square loss. */
  final SampleLoss loss;

  private CompiledModel(ModelDefinition definition, CompiledExpression beta, CompiledExpression[] partials,
      CompiledExpression[] init, Map<String, CompiledExpression> lawArguments, SampleLoss loss) {
    this.definition = definition;
    this.beta = beta;
    this.partials = partials;
    this.init = init;
    this.lawArguments = lawArguments;
    this.loss = loss;
  }

  /** The variable layout of every compiled formula. */
  static List<String> layout(ModelDefinition d) {
    List<String> v = new ArrayList<>(d.blocks());
    v.addAll(d.settings());
    v.addAll(d.vectors().keySet());
    return v;
  }

  /**
   * Compiles on the calling thread, in a Symja session of its own (no theorem's definitions).
   *
   * @throws InvalidExpressionException naming the formula that cannot be used and why
   */
  static CompiledModel compile(ModelDefinition d) throws InvalidExpressionException {
    SymjaSession s = new SymjaSession();
    List<String> layout = layout(d);
    for (String name : layout) {
      if (s.builtIn(name) != null) {
        throw new InvalidExpressionException("'" + name + "' is Symja's built-in " + s.builtIn(name)
            + " (Symja ignores case); choose another name");
      }
    }
    Set<String> noBlocks = new HashSet<>(d.settings());
    noBlocks.addAll(d.vectors().keySet());
    IExpr betaExpr = load(s, "beta", d.beta(), Set.copyOf(layout));
    CompiledExpression beta = CompiledExpression.compile(betaExpr, layout);
    CompiledExpression[] partials = new CompiledExpression[d.blocks().size()];
    for (int k = 0; k < partials.length; k++) {
      String block = d.blocks().get(k);
      IExpr derivative = s.evalWithin(F.D(betaExpr, s.parse(block)), DERIVATIVE_SECONDS);
      if (derivative == S.$Aborted) {
        throw new InvalidExpressionException("Symja's D(beta, " + block + ") did not finish in " + DERIVATIVE_SECONDS + " s");
      }
      partials[k] = compiled("D(beta, " + block + ")", derivative, layout);
    }
    CompiledExpression[] init = new CompiledExpression[d.blocks().size()];
    for (int k = 0; k < init.length; k++) {
      String block = d.blocks().get(k);
      init[k] = compiled("init of " + block, load(s, "init of " + block, d.init().get(block), noBlocks), layout);
    }
    Map<String, CompiledExpression> lawArguments = new LinkedHashMap<>();
    for (ModelDefinition.Vector v : d.vectors().values()) {
      if (v instanceof ModelDefinition.Drawn drawn) {
        for (String arg : drawn.law().arguments()) {
          lawArguments.put(arg, compiled(drawn.law().text(), load(s, drawn.law().text(), arg, Set.copyOf(d.settings())),
              layout));
        }
      }
    }
    SampleLoss loss = d.loss() == null ? null : SampleLoss.compile(s, d.loss());
    return new CompiledModel(d, beta, partials, init, lawArguments, loss);
  }

  private static IExpr load(SymjaSession s, String what, String text, Set<String> known)
      throws InvalidExpressionException {
    try {
      IExpr parsed = s.parse(text);
      Sandbox.check(parsed, known);
      return s.eval(parsed);
    } catch (InvalidExpressionException e) {
      throw new InvalidExpressionException(what + " '" + text + "': " + e.getMessage());
    }
  }

  private static CompiledExpression compiled(String what, IExpr expr, List<String> layout)
      throws InvalidExpressionException {
    try {
      return CompiledExpression.compile(expr, layout);
    } catch (InvalidExpressionException e) {
      throw new InvalidExpressionException(what + ": " + e.getMessage());
    }
  }
}
