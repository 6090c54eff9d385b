/**
 * Request latency of the API as MicroProfile Metrics timers: one JAX-RS filter, route templates as tags.
 */
package com.muejam.interfaces.rest.timing;
