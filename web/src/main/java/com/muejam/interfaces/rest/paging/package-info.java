/**
 * Keyset paging over HTTP: a page is {@code {"items": [...], "next": "<cursor>"}}; clients pass {@code next} back
 * as {@code cursor} for the following page and stop when it is absent. Cursors are opaque (base64url of the last
 * row's sort key), so the sort key can change without breaking clients.
 */
package com.muejam.interfaces.rest.paging;
