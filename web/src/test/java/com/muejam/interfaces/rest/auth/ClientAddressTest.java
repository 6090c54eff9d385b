package com.muejam.interfaces.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesThePeerIsTheClientAndForwardedForIsIgnored() {
        ClientAddress address = address(null);
        assertThat(address.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedForwardedHopIsTheClient() {
        ClientAddress address = address("10.0.0.1, 10.0.0.2");
        assertThat(address.of(request("10.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.2")))
                .isEqualTo("203.0.113.9");
        assertThat(address.of(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
        assertThat(address.of(request("10.0.0.1", "not-an-address"))).isEqualTo("10.0.0.1");
    }

    @Test
    void anIpv6ZoneIsDroppedAndNoPeerIsNull() {
        ClientAddress address = address(null);
        assertThat(address.of(request("fe80:0:0:0:0:0:0:1%eth0", null))).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(address.of(request("", null))).isNull();
        assertThat(address.of(request(null, null))).isNull();
    }

    private static ClientAddress address(String trustedProxies) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = Optional.ofNullable(trustedProxies);
        address.init();
        return address;
    }

    private static HttpServletRequest request(String peer, String forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? forwardedFor : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
