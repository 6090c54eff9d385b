/**
 * The load and fault suite: {@link com.muejam.load.LoadSuite} prepares users and data through the API, runs each
 * scenario as a Gatling simulation ({@link com.muejam.load.ApiSimulation}, open model: arrivals at a constant
 * rate whatever the responses, so a slow answer cannot hide the requests that would have queued behind it),
 * injects faults on the project-started services while the mixed scenario runs ({@link com.muejam.load.Faults}),
 * measures the primary's own write rate with pgbench, and writes the table, charts and {@code RESULTS.md}
 * ({@link com.muejam.load.Report}).
 */
package com.muejam.load;
