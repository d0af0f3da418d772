package ibcheck.symbolic;

import ibcheck.symbolic.claim.Claim;
import static ibcheck.symbolic.NumericWitness.TOLERANCE;
import static ibcheck.symbolic.NumericWitness.describe;
import static ibcheck.symbolic.NumericWitness.notNumeric;
import static ibcheck.symbolic.NumericWitness.pointRow;

import ibcheck.spec.Domain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The witness for claims about behaviour near a point, checked along exact sequences approaching it,
 * at random values of the other symbols. Each term is evaluated in true extended precision that grows
 * with the term ({@link #digits(IExpr, IExpr, int)}: 2 log10 x + 40 digits at x, 2k + 40 at a +- 10^-k), so
 * the cancellation in a difference such as {@code q(z) - z log z} at z = 10^64 does not eat the answer:
 *
 * <ul>
 *   <li>a limit {@code Limit(f, x -> a) == L}: the distance {@code |f - L| / max(1, |L|)} along
 *       10^2, 10^4, ..., 10^64 (for infinity) or a +- 10^-1 ... 10^-12 must shrink steadily — each term
 *       at most the previous and the last at most half the first — or reach the limit: a distance below
 *       the tolerance (zero at the precision used) counts as there, as for c + e^-t, whose distance at
 *       t = 10^4 is e^-10000 (a trend test, reported as such: sampling cannot prove a limit);
 *   <li>a series {@code f == p + O(x^n)}: the remainder ratio {@code |f - p| / |x - x0|^n} along
 *       x0 +- 10^-1 ... 10^-6 must stay bounded (its growth over the last two decades below 10x).
 * </ul>
 */
final class SequenceWitness {
  /** Digits at the terms nearest the start; later terms get more ({@link #digits(IExpr, IExpr, int)}). */
  static final int PRECISION = 60;

  private final SymjaSession session;
  private final Map<String, Domain> domains;

  SequenceWitness(SymjaSession session, Map<String, Domain> domains) {
    this.session = session;
    this.domains = domains;
  }

  /** What is measured at each term z of a sequence, given the other symbols' values: a number, or the failed evaluation. */
  @FunctionalInterface
  private interface Measure {
    IExpr at(IExpr z, Map<String, IExpr> full, Map<String, IExpr> others);
  }

  /** Judges the measured values along one sequence: null when they behave, else why not. */
  @FunctionalInterface
  private interface Judge {
    String failure(List<Double> values, String along);
  }

  /**
   * One sequence test; the error it reports is the largest last term over all sequences.
   *
   * @param column the evidence column of the measured values
   */
  private record Test(String variable, String sequenceName, List<List<IExpr>> sequences, String method, String column,
      Measure measure, Judge judge, String agreement, int tail) {}

  WitnessOutcome limit(Claim.LimitClaim c, int count, long seed) {
    IExpr f = session.eval(c.function());
    IExpr value = session.eval(c.value());
    String var = c.variable().getSymbolName();
    IExpr point = session.eval(c.point());
    List<List<IExpr>> sequences = new ArrayList<>();
    String name;
    int halfScale; // the term at half the last term's scale in decades: 10^32 of 10^64, a +- 10^-6 of a +- 10^-12
    if (point.isInfinity() || point.isNegativeInfinity()) {
      halfScale = 4;
      int sign = point.isInfinity() ? 1 : -1;
      sequences.add(toInfinity(sign));
      name = var + " = " + (sign < 0 ? "-" : "") + "10^2, " + (sign < 0 ? "-" : "") + "10^4, ..., " + (sign < 0 ? "-" : "") + "10^64";
    } else if (point.isNumber()) {
      halfScale = 5;
      sequences.add(toPoint(point, 1, 12));
      sequences.add(toPoint(point, -1, 12));
      name = var + " = " + point + " +- 10^-1, 10^-2, ..., 10^-12 (both sides)";
    } else {
      return new WitnessOutcome(WitnessOutcome.Status.NOT_NUMERIC, "limit sequence", List.of(), 0, 0,
          null, "the limit point " + point + " is not a number or +-Infinity");
    }
    String method = "trend test: |f - L| along " + name + " at 2 log10|x| + 40 digits (2k + 40 at a +- 10^-k,"
        + " at least " + PRECISION + ") must shrink steadily (each term at most the previous, the last at most half"
        + " the first and at most 0.9 of the term at half its scale, so a distance that levels off fails),"
        + " or fall below " + TOLERANCE + " (the limit reached)";
    Measure distance = (z, full, others) -> {
      int digits = digits(z, point, 2);
      IExpr fz = numeric(f, full, digits);
      IExpr lv = numeric(value, others, digits);
      if (!fz.isNumber() || !lv.isNumber()) {
        return !fz.isNumber() ? fz : lv;
      }
      return session.eval(F.N(F.Divide(F.Abs(F.Subtract(fz, lv)), F.Max(F.C1, F.Abs(lv))), F.ZZ(digits)));
    };
    int tail = sequences.get(0).size() - halfScale;
    Judge shrinks = (errs, along) -> {
      List<Double> defined = errs.stream().filter(e -> !e.isNaN()).toList();
      boolean steady = true;
      for (int k = 1; k < defined.size(); k++) {
        steady &= defined.get(k) <= defined.get(k - 1) * (1 + 1e-9) + TOLERANCE;
      }
      double last = errs.get(errs.size() - 1);
      boolean stillShrinking = last <= 0.9 * errs.get(halfScale);
      return last <= TOLERANCE || (steady && last <= 0.5 * defined.get(0) && stillShrinking) ? null
          : along + " the distance to the claimed limit " + value + (steady && !stillShrinking
              ? " levels off instead of shrinking to 0: " : " does not shrink: ") + errs;
    };
    return run(new Test(var, name, sequences, method, "distanceToLimit", distance, shrinks,
        "the distance to the claimed limit shrinks steadily along every sequence", tail), count, seed);
  }

  WitnessOutcome series(Claim.SeriesClaim c, int count, long seed) {
    IExpr remainder = session.eval(F.Subtract(c.function(), c.polynomial()));
    String var = c.variable().getSymbolName();
    IExpr x0 = session.eval(c.point());
    int n = c.order();
    String name = var + " = " + x0 + " +- 10^-1 ... 10^-6";
    String method = "remainder test: |f - p| / |" + var + " - " + x0 + "|^" + n + " along " + name + " at "
        + "max(2, " + n + ") k + 40 digits at x0 +- 10^-k (at least " + PRECISION + ") must stay bounded (growth over the last"
        + " two decades below 10x)";
    Measure ratio = (z, full, others) -> {
      int digits = digits(z, x0, Math.max(2, n));
      IExpr rz = numeric(remainder, full, digits);
      return !rz.isNumber() ? rz
          : session.eval(F.N(F.Divide(F.Abs(rz), F.Power(F.Abs(F.Subtract(z, x0)), F.ZZ(n))), F.ZZ(digits)));
    };
    Judge bounded = (ratios, along) -> {
      int k = ratios.size() - 1;
      double growth = ratios.get(k) / Math.max(ratios.get(k - 2), 1e-300);
      return ratios.get(k) <= TOLERANCE || growth < 10 ? null
          : "the remainder is not O(" + var + "^" + n + "): |f - p|/|x|^" + n + " grows like " + ratios;
    };
    return run(new Test(var, name, List.of(toPoint(x0, 1, 6), toPoint(x0, -1, 6)), method, "remainderRatio", ratio,
        bounded, "the remainder stays within a constant times |x - x0|^" + n, 3), count, seed);
  }

  private WitnessOutcome run(Test t, int count, long seed) {
    Map<String, Domain> others = new LinkedHashMap<>(domains);
    others.remove(t.variable());
    WitnessPoints draw = new WitnessPoints(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    double worst = 0;
    for (int i = 0; i < count + skipped.size(); i++) { // a replaced range point adds one draw
      Map<String, IExpr> pt = draw.draw(others);
      for (List<IExpr> seq : t.sequences()) {
        List<Double> values = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        for (IExpr z : seq) {
          Map<String, IExpr> full = new LinkedHashMap<>(pt);
          full.put(t.variable(), z);
          IExpr v = t.measure().at(z, full, pt);
          if (!v.isNumber()) {
            // a claim about the behaviour near the point may be undefined away from it (a pole of
            // q h/(a + p h) at h = -a/p): terms before the tail may be, the tail the judge reads may not
            if (NumericWitness.singular(v) && values.size() < seq.size() - t.tail()) {
              undefined.add(NumericWitness.show(z));
              values.add(Double.NaN);
              continue;
            }
            if (draw.lastWasRangePoint() && NumericWitness.singular(v)) {
              skipped.add(describe(pt)); // the other symbols' range point sits on a pole: draw another
              values = null;
              break;
            }
            return notNumeric(t.method(), full, v, rows);
          }
          values.add(v.evalf());
        }
        if (values == null) {
          break;
        }
        Map<String, Object> row = pointRow(pt);
        row.put("sequence", seq.stream().map(NumericWitness::show).toList());
        if (!undefined.isEmpty()) {
          row.put("undefinedFarFromThePoint", undefined);
        }
        row.put(t.column(), values);
        rows.add(row);
        worst = Math.max(worst, values.get(values.size() - 1));
        String failure = t.judge().failure(values, "along " + t.sequenceName() + (pt.isEmpty() ? "" : " with " + describe(pt)));
        if (failure != null) {
          return new WitnessOutcome(WitnessOutcome.Status.COUNTEREXAMPLE, t.method(), rows, worst, TOLERANCE, row, failure);
        }
      }
    }
    return new WitnessOutcome(WitnessOutcome.Status.AGREE, t.method(), rows, worst, TOLERANCE, null, t.agreement()
        + (skipped.isEmpty() ? "" : " (undefined with the range point " + String.join("; ", skipped)
            + ", replaced by a random point)"));
  }

  private IExpr numeric(IExpr expr, Map<String, IExpr> point, int digits) {
    return NumericWitness.numeric(session, expr, point, digits);
  }

  /**
   * The working precision at term z of a sequence towards a: m log10|z| + 40 digits towards infinity,
   * m k + 40 at a +- 10^-k, and never fewer than {@value #PRECISION}. With m = 2 a difference of terms
   * as large as z^2 can cancel and still show a distance down to 10^-40 of its size; a series remainder
   * O(x^n) takes m = n, so that |f - p| ~ 10^-nk is still resolved to 40 digits.
   */
  static int digits(IExpr z, IExpr a, int m) {
    double decades = a.isInfinity() || a.isNegativeInfinity()
        ? Math.log10(Math.abs(z.evalf()))
        : -Math.log10(Math.abs(z.subtract(a).evalf()));
    return Math.max(PRECISION, (int) Math.ceil(m * decades) + 40);
  }

  /** sign * 10^2, 10^4, ..., 10^64, as exact integers. */
  private static List<IExpr> toInfinity(int sign) {
    List<IExpr> seq = new ArrayList<>();
    for (int k = 1; k <= 6; k++) {
      seq.add(F.ZZ(java.math.BigInteger.TEN.pow(1 << k).multiply(java.math.BigInteger.valueOf(sign))));
    }
    return seq;
  }

  /** base + sign * 10^-1, ..., base + sign * 10^-terms, as exact rationals. */
  private static List<IExpr> toPoint(IExpr base, int sign, int terms) {
    List<IExpr> seq = new ArrayList<>();
    for (int k = 1; k <= terms; k++) {
      seq.add(base.plus(F.fraction(java.math.BigInteger.valueOf(sign), java.math.BigInteger.TEN.pow(k))));
    }
    return seq;
  }
}
