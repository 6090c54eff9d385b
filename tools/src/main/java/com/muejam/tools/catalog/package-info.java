/** What the catalogue says about the indexes: invalid, duplicate or prefix indexes, foreign keys and their indexes. */
package com.muejam.tools.catalog;
