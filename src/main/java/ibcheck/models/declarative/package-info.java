/**
 * Models declared in a theorem file ({@code models:}): a network written as Symja formulas,
 * compiled to the same model interface as the Java ones.
 */
package ibcheck.models.declarative;
