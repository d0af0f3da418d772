/**
 * Stage 1, spec (whole files): a theorem file as a whole (its symbolic part, declared models and
 * cross-checks) and the JSON schemas of theorem and property files, generated from the readers' field
 * declarations. Sits above spec, models and crosscheck, which it assembles.
 */
package ibcheck.files;
