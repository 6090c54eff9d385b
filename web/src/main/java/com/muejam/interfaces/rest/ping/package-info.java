/** {@code GET /api/ping}: the API's cheapest answer (the load suite's ceiling). */
package com.muejam.interfaces.rest.ping;
