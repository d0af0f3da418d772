/**
 * The command line: {@code ibcheck DIR} runs the gate outside Maven.
 */
package ibcheck.cli;
