/**
 * Mechanisms behind the domain and the application: persistence (repositories), routing (replica or primary),
 * caching, pools, monitoring. Each sub-package is one mechanism. They implement the domain's repository
 * interfaces and the application's ports ({@code com.muejam.application.routing}, {@code .caching},
 * {@code .operations}); nothing in the application, the domain or the interfaces layer depends on them.
 */
package com.muejam.infrastructure;
