/**
 * Stage 4, properties: QuickTheories checks of a theorem's claims on random instances (numeric
 * predicates and cross-checks on drawn settings), with shrinking and replayable seeds.
 */
package ibcheck.property;
