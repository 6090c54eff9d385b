/**
 * The domain: entities and repository interfaces, one sub-package per area. Nothing here knows about
 * replicas, pools or caches; the infrastructure implements these interfaces.
 */
package com.muejam.domain;
