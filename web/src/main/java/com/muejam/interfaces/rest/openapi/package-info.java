/**
 * Adjustments to the OpenAPI document the server generates from the JAX-RS annotations (MicroProfile OpenAPI,
 * served at {@code /openapi}): what holds for every operation is said once here instead of on each resource.
 */
package com.muejam.interfaces.rest.openapi;
