/** REST interfaces: one sub-package per area, problem+json mapping in {@code problem}. */
package com.muejam.interfaces.rest;
