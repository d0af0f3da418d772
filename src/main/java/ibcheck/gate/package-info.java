/**
 * The gate: runs every stage on the theorem files (threads, time limits, properties by theorem),
 * writes the reports, and fails the build on a failed claim (JUnit dynamic tests under Maven).
 */
package ibcheck.gate;
