/** RFC 9457 problem details: how every error leaves the API. */
package com.muejam.interfaces.rest.problem;
