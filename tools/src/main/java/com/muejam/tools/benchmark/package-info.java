/** Each hot query timed with and without its index at 10^6 rows (prints a table; not a test). */
package com.muejam.tools.benchmark;
