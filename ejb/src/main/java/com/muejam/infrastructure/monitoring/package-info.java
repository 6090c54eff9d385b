/** Health checks and probes of the data tier (pools, replica state). */
package com.muejam.infrastructure.monitoring;
