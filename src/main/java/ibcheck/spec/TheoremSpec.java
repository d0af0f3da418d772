package ibcheck.spec;

import java.util.List;
import java.util.Map;

/**
 * A theorem file as written: its statement and provenance, the symbols with their assumptions, the
 * definitions and the derivation steps: what the symbolic stage needs. The file's declared models
 * and numeric cross-checks are read by later stages ({@code ibcheck.files.TheoremFile}); properties
 * attach to it by id.
 *
 * @param id unique id, used to select it ({@code -Dibcheck.only}) and to name reports
 * @param title one line
 * @param source paper and theorem/equation
 * @param statement the statement in LaTeX
 * @param conventions the conventions the derivation assumes (e.g. which loss normalisation)
 * @param symbols symbol name to its domain, in file order
 * @param definitions in file order
 * @param derivation the ordered steps
 * @param file the file it was read from
 */
public record TheoremSpec(
    String id,
    String title,
    String source,
    String statement,
    String conventions,
    Map<String, Domain> symbols,
    List<Definition> definitions,
    List<Step> derivation,
    String file) {}
