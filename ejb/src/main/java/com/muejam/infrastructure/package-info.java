/**
 * Mechanisms behind the domain: persistence (repositories), routing (replica or primary), monitoring.
 * Each sub-package is one mechanism; none depends on the application or interfaces layers.
 */
package com.muejam.infrastructure;
