/**
 * Fills an empty schema with skewed, realistic data by COPY ({@link com.muejam.tools.generator.DataGenerator});
 * used by the plan test (10^5 rows) and the benchmark (10^6).
 */
package com.muejam.tools.generator;
