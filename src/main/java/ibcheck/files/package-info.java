/**
 * Stage 1, spec (whole files): a theorem file as a whole (its symbolic part, declared models and
 * cross-checks), the JSON schemas of theorem and property files and the field tables of the kinds'
 * docs, generated from the readers' field declarations. Sits above spec, models and crosscheck, which it assembles.
 */
package ibcheck.files;
