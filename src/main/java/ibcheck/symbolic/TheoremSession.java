package ibcheck.symbolic;

import ibcheck.spec.Definition;
import ibcheck.spec.Domain;
import ibcheck.spec.TheoremSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A theorem's symbols, assumptions and definitions loaded into one {@link SymjaSession}, every
 * definition having passed the {@link Sandbox} first.
 */
public final class TheoremSession {
  private static final Pattern PATTERN_VAR = Pattern.compile("([A-Za-z][A-Za-z0-9]*)_");

  private final SymjaSession session;
  private final TheoremSpec spec;
  private final Set<String> known = new HashSet<>();
  private final IExpr assumptions;
  private final Set<String> symbolicDefinitions = new HashSet<>();
  /** Each definition's bodies, by lower-case name. */
  private final Map<String, IExpr> bodies = new java.util.HashMap<>();

  /**
   * Loads the theorem's definitions.
   *
   * @throws DefinitionException naming the first definition that cannot be loaded
   */
  public TheoremSession(TheoremSpec spec) throws DefinitionException {
    this.spec = spec;
    SymjaSession.restoreBuiltIns(); // a clean slate whatever ran before in this JVM
    this.session = new SymjaSession();
    known.addAll(spec.symbols().keySet());
    known.add(HessianMaps.NAME);
    for (String name : spec.symbols().keySet()) {
      if (session.builtIn(name) != null) {
        throw new DefinitionException(new Definition(name, "", spec.file()), "symbol '" + name
            + "' is Symja's built-in " + session.builtIn(name) + " (Symja ignores case); choose another name");
      }
    }
    for (Definition d : spec.definitions()) {
      if (session.builtIn(d.name()) != null) {
        throw new DefinitionException(d, "'" + d.name() + "' is Symja's built-in "
            + session.builtIn(d.name()) + " (Symja ignores case); choose another name");
      }
      known.add(d.name());
    }
    for (Definition d : spec.definitions()) {
      Set<String> local = new HashSet<>(known);
      Matcher m = PATTERN_VAR.matcher(d.lhs());
      while (m.find()) {
        local.add(m.group(1));
      }
      try {
        IExpr rhs = session.parse(d.rhs());
        Sandbox.check(rhs, local);
        IExpr def = ListGuard.wrap(session.parse(d.symja()));
        session.eval(def);
      } catch (InvalidExpressionException e) {
        throw new DefinitionException(d, e.getMessage());
      }
      List<String> rebound = SymjaSession.restoreBuiltIns();
      if (!rebound.isEmpty()) {
        throw new DefinitionException(d, "loading the definition rebound built-ins (" + String.join(", ", rebound)
            + "; restored): results of this theorem would be meaningless");
      }
      String complaints = session.drainMessages();
      if (!complaints.isEmpty()) {
        throw new DefinitionException(d, "Symja rejected the definition: " + complaints);
      }
    }
    markSymbolic(spec);
    List<IExpr> parts = new ArrayList<>();
    for (Map.Entry<String, Domain> e : spec.symbols().entrySet()) {
      parts.add(session.evalInternal("Hold(" + e.getValue().assumption(e.getKey()) + ")").first());
    }
    this.assumptions = parts.isEmpty() ? F.True : F.And(parts.toArray(new IExpr[0]));
  }

  public SymjaSession session() {
    return session;
  }

  public TheoremSpec spec() {
    return spec;
  }

  /** Names a claim may use: declared symbols and defined functions. */
  public Set<String> known() {
    return known;
  }

  /**
   * Lower-case names of the definitions that need symbolic evaluation before numbers go in: their
   * bodies differentiate, integrate, take limits, sum, replace or bind variables
   * ({@link NumericWitness#CALCULUS}), or use such a definition.
   */
  public Set<String> symbolicDefinitions() {
    return symbolicDefinitions;
  }

  private void markSymbolic(TheoremSpec spec) throws DefinitionException {
    Map<String, IExpr> bodies = new java.util.LinkedHashMap<>();
    for (Definition d : spec.definitions()) {
      try {
        IExpr rhs = session.parse(d.rhs());
        String name = d.name().toLowerCase(java.util.Locale.ROOT);
        bodies.merge(name, rhs, (a, b) -> F.List(a, b));
      } catch (InvalidExpressionException e) {
        throw new DefinitionException(d, e.getMessage());
      }
    }
    this.bodies.putAll(bodies);
    bodies.forEach((name, body) -> {
      if (NumericWitness.hasCalculus(body) || mentionsHead(body, SYMBOLIC_HEADS)) {
        symbolicDefinitions.add(name);
      }
    });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, IExpr> e : bodies.entrySet()) {
        if (!symbolicDefinitions.contains(e.getKey()) && NumericWitness.mentions(e.getValue(), symbolicDefinitions)) {
          symbolicDefinitions.add(e.getKey());
          changed = true;
        }
      }
    }
  }

  /** Further heads whose arguments must stay symbolic (solvers, replacement, numeric calculus). */
  private static final Set<String> SYMBOLIC_HEADS = Set.of("replacerepeated", "solve", "reduce", "eliminate",
      "findroot", "nintegrate", "nsum", "roots", "array", "nest", "fold", "map", "apply", "mapindexed", "select",
      "condition", "ruledelayed", "rule", "pattern");

  private static boolean mentionsHead(IExpr e, Set<String> heads) {
    if (e instanceof org.matheclipse.core.interfaces.IAST ast) {
      if (heads.contains(ast.head().toString().toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
      for (int i = 1; i < ast.size(); i++) {
        if (mentionsHead(ast.get(i), heads)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The declared symbols a claim depends on, directly or through the definitions it uses, with their
   * domains: the witnesses give values to these and name only these in a counterexample.
   */
  public Map<String, Domain> domainsOf(IExpr claim) {
    Set<String> reached = new HashSet<>();
    java.util.Deque<IExpr> todo = new java.util.ArrayDeque<>(List.of(claim));
    Set<String> expanded = new HashSet<>();
    while (!todo.isEmpty()) {
      collectNames(todo.pop(), reached);
      for (String name : reached) {
        if (bodies.containsKey(name) && expanded.add(name)) {
          todo.push(bodies.get(name));
        }
      }
    }
    Map<String, Domain> out = new java.util.LinkedHashMap<>();
    spec.symbols().forEach((name, domain) -> {
      if (reached.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        out.put(name, domain);
      }
    });
    return out;
  }

  private static void collectNames(IExpr e, Set<String> names) {
    if (e instanceof org.matheclipse.core.interfaces.ISymbol s) {
      names.add(s.toString().toLowerCase(java.util.Locale.ROOT));
    } else if (e instanceof org.matheclipse.core.interfaces.IAST ast) {
      for (int i = 0; i < ast.size(); i++) {
        collectNames(ast.get(i), names);
      }
    }
  }

  /** The conjunction of every symbol's assumption, for the CAS. */
  public IExpr assumptions() {
    return assumptions;
  }

  /** A definition that cannot be loaded: syntax, sandbox or undefined symbol. */
  public static final class DefinitionException extends Exception {
    private final Definition definition;

    DefinitionException(Definition definition, String message) {
      super(message);
      this.definition = definition;
    }

    public Definition definition() {
      return definition;
    }
  }
}
