/**
 * What the application services declare about where their reads may go: {@link com.muejam.application.routing.ReadOnly}
 * marks a read-only call. The application owns the annotation; the infrastructure's routing interceptor binds to it
 * and decides between a replica and the primary.
 */
package com.muejam.application.routing;
