/**
 * Stage 1, spec: reads the symbolic part of a theorem file (statement, symbols and their
 * assumptions, definitions, derivation steps) from YAML, with file:line errors. Depends on no other
 * stage.
 */
package ibcheck.spec;
