package com.muejam.interfaces.rest.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's IP address, the one way to learn it: for sign-in throttling, login records, anonymous rate limits
 * and the moderation audit trail (flags, decisions). The TCP peer without an IPv6 zone ({@code %eth0}, which the
 * {@code inet} columns refuse), unless that peer is one of {@code TRUSTED_PROXIES} (comma-separated IP literals,
 * default none): then the rightmost {@code X-Forwarded-For} entry that is not itself a trusted proxy. Only IP
 * literals are accepted (never a name: no DNS look-up on a request path); anything else falls back to the peer.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private Set<InetAddress> trusted = Set.of();

    @PostConstruct
    void init() {
        trusted = Arrays.stream(trustedProxies.orElse("").split(",")).map(String::trim).map(ClientAddress::literal)
                .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** The caller's address; null when the container knows no peer. */
    public String of(HttpServletRequest request) {
        String peer = withoutZone(request.getRemoteAddr());
        if (peer == null) {
            return null;
        }
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !trusted.contains(peerAddress.get())) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            List<String> hops = Arrays.asList(forwarded.split(","));
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops.get(i).trim());
                if (hop.isEmpty()) {
                    break;
                }
                if (!trusted.contains(hop.get())) {
                    return hop.get().getHostAddress();
                }
            }
        }
        return peerAddress.get().getHostAddress();
    }

    /** {@code address} without an IPv6 zone suffix; null when absent or empty. */
    static String withoutZone(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        int zone = address.indexOf('%');
        return zone < 0 ? address : address.substring(0, zone);
    }

    /** An IP literal as an address; empty for anything else (a host name is never resolved). */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
