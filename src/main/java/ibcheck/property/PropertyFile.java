package ibcheck.property;

import java.util.List;

/**
 * A properties file: the theorem it supports and its properties.
 *
 * @param theorem the id of the theorem whose definitions the predicates use
 * @param properties in file order
 * @param file where it was read from
 */
public record PropertyFile(String theorem, List<PropertySpec> properties, String file) {}
