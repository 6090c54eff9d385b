package com.muejam.interfaces.rest.moderation;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address for the audit trail: the TCP peer, without an IPv6 zone ({@code %eth0}, which the
 * {@code inet} column refuses). Behind a proxy this is the proxy; the security lane's trusted-proxy resolution can
 * replace it without changing the services (they take the address as text).
 */
final class RequestAddress {

    private RequestAddress() {
    }

    static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (peer == null || peer.isEmpty()) {
            return null;
        }
        int zone = peer.indexOf('%');
        return zone < 0 ? peer : peer.substring(0, zone);
    }
}
