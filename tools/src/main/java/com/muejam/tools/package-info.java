/**
 * Schema tools (not part of the application): the data generator ({@code generator}), index metadata checks
 * ({@code catalog}), plans of the hot queries ({@code plans}), the index report ({@code report}) and the index
 * benchmark ({@code benchmark}). {@link com.muejam.tools.Databases} connects them to the project-started
 * PostgreSQL or to a database given by the environment.
 */
package com.muejam.tools;
