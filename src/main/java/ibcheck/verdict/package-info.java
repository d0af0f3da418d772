/**
 * Stage 5, verdict: a claim's verdict with its evidence and figures, and a theorem's overall
 * verdict. Depends on no other stage.
 */
package ibcheck.verdict;
