package ibcheck.property;

import java.util.List;

/**
 * A property as written in a {@code properties/*.yaml} file: random instances of the quantities,
 * and a predicate over the theorem's definitions that must hold on every one.
 *
 * @param name what the property says, in words
 * @param quantities what is drawn, in order (later bounds may use earlier quantities)
 * @param holds the predicate, Symja syntax, e.g. {@code q(z) >= 0}; null when {@code check} is set
 * @param check the name of one of the theorem's cross-checks, run on every drawn instance (the
 *     drawn quantities are its settings and data sizes); null when {@code holds} is set
 * @param tolerance a relation {@code l op r} is tested as {@code l - r} against
 *     {@code tolerance * max(1, |l|, |r|)}
 * @param tries how many instances
 * @param seed a fixed seed for this property, or null to derive it from the run's seed
 * @param location {@code file:line}
 */
public record PropertySpec(
    String name,
    List<Quantity> quantities,
    String holds,
    String check,
    double tolerance,
    int tries,
    Long seed,
    String location) {}
