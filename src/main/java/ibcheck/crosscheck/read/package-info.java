/**
 * Stage 1 for cross-checks: reading a theorem file's {@code crosschecks:} block into
 * {@link ibcheck.crosscheck.NumericCheck}s, before anything runs. {@link
 * ibcheck.crosscheck.read.CrosscheckReader} reads the common fields and hands the rest to the kind;
 * a kind's fields are declared once ({@link ibcheck.crosscheck.read.Field}, {@link
 * ibcheck.crosscheck.read.FieldType}, {@link ibcheck.crosscheck.read.Range} gathered in {@link
 * ibcheck.crosscheck.read.KindFields}), read and checked from that declaration into {@link
 * ibcheck.crosscheck.read.FieldValues} for a {@link ibcheck.crosscheck.read.DeclaredKind}, and the
 * JSON schema and the docs' field tables are generated from it. The regression data a cross-check
 * states ({@link ibcheck.crosscheck.read.DataSpec}: explicit or synthetic) is read here too. Every
 * problem is a {@link ibcheck.spec.SpecException} with file:line. This package uses the API in
 * {@code ibcheck.crosscheck}; the API does not use it.
 */
package ibcheck.crosscheck.read;
