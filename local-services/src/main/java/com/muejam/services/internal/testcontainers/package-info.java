/**
 * Optional Docker backend ({@code -Dmuejam.services=testcontainers}); loaded reflectively, so Testcontainers
 * (a provided dependency here) is needed only by callers that choose it.
 */
package com.muejam.services.internal.testcontainers;
