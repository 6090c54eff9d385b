/** The index report: invalid, redundant and unused indexes on the primary and each replica. */
package com.muejam.tools.report;
