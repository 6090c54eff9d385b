/** The audit trail: append-only events searched by actor, target, action or address within a time range. */
package com.muejam.domain.audit;
