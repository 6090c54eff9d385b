/**
 * Tests against the project-started Redis (local-services, port 19379): several independent cache managers in one
 * JVM act as nodes sharing Redis; Redis is killed and paused to test failures.
 */
package com.muejam.cache.it;
