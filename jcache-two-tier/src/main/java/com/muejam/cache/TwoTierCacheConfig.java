package com.muejam.cache;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Settings of one two-tier cache stack (one node): where Redis is, the L1 size and TTL, the L2 TTL per region and
 * the failure handling around Redis.
 *
 * <p>Every setting has a name that is read, in this order of precedence, from a {@link Properties} object passed
 * to {@code CachingProvider.getCacheManager(uri, classLoader, properties)}, a system property, an environment
 * variable, and finally the default:
 * <table>
 * <caption>settings</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code VALKEY_URL}</td><td>{@code redis://127.0.0.1:6379}</td><td>Redis/Valkey URL; a path selects the
 * database ({@code redis://host:6379/15}), user info the credentials, {@code rediss://} TLS (the server certificate
 * and its host name are checked)</td></tr>
 * <tr><td>{@code VALKEY_CA_CERT}</td><td>unset: the JVM's trust store</td><td>path of the PEM CA bundle a
 * {@code rediss://} connection trusts (only with {@code rediss://})</td></tr>
 * <tr><td>{@code L1_CACHE_MAX_SIZE}</td><td>1000</td><td>L1 entries per region (heap)</td></tr>
 * <tr><td>{@code L1_CACHE_DEFAULT_TTL}</td><td>60 s</td><td>longest life of an L1 entry; never longer than the
 * remaining life of the L2 entry it copies</td></tr>
 * <tr><td>{@code L2_CACHE_TTL_DEFAULT}</td><td>300 s</td><td>L2 TTL of region {@code default} and of regions
 * without a setting of their own</td></tr>
 * <tr><td>{@code L2_CACHE_TTL_<REGION>}</td><td>the default TTL</td><td>L2 TTL of one region, e.g.
 * {@code L2_CACHE_TTL_FEED} for region {@code feed}; the application declares its regions with
 * {@link Builder#regions}</td></tr>
 * <tr><td>{@code CACHE_NAMESPACE}</td><td>{@code muejam:cache}</td><td>prefix of every Redis key and channel</td></tr>
 * <tr><td>{@code L2_TIMEOUT}</td><td>300 ms</td><td>Redis command and connect timeout</td></tr>
 * <tr><td>{@code L2_BREAKER_FAILURES}</td><td>3</td><td>consecutive L2 failures that open the breaker</td></tr>
 * <tr><td>{@code L2_BREAKER_PROBE_INTERVAL}</td><td>1 s</td><td>how often an open breaker probes Redis</td></tr>
 * <tr><td>{@code L1_CACHE_OUTAGE_MAX_AGE}</td><td>5 s</td><td>while Redis is unreachable (no invalidations can
 * arrive), L1 is flushed at this interval from the moment the outage is noticed, bounding how stale a copy can be</td></tr>
 * <tr><td>{@code CACHE_TAG_TTL}</td><td>2 x the longest L2 TTL, at least 1 h</td><td>life of an unused tag version
 * in Redis</td></tr>
 * </table>
 * Durations accept plain seconds ({@code 60}), a unit suffix ({@code 250ms}, {@code 60s}, {@code 5m}, {@code 1h})
 * or ISO-8601 ({@code PT60S}).
 */
public final class TwoTierCacheConfig {

    public static final String VALKEY_URL = "VALKEY_URL";
    /** PEM CA bundle trusted by a {@code rediss://} connection; unset, the JVM's default trust store. */
    public static final String VALKEY_CA_CERT = "VALKEY_CA_CERT";
    public static final String L1_CACHE_MAX_SIZE = "L1_CACHE_MAX_SIZE";
    public static final String L1_CACHE_DEFAULT_TTL = "L1_CACHE_DEFAULT_TTL";
    /** Prefix of the per-region L2 TTL settings: {@code L2_CACHE_TTL_} + upper-case region name. */
    public static final String L2_CACHE_TTL_PREFIX = "L2_CACHE_TTL_";
    public static final String CACHE_NAMESPACE = "CACHE_NAMESPACE";
    public static final String L2_TIMEOUT = "L2_TIMEOUT";
    public static final String L2_BREAKER_FAILURES = "L2_BREAKER_FAILURES";
    public static final String L2_BREAKER_PROBE_INTERVAL = "L2_BREAKER_PROBE_INTERVAL";
    public static final String CACHE_TAG_TTL = "CACHE_TAG_TTL";
    public static final String L1_CACHE_OUTAGE_MAX_AGE = "L1_CACHE_OUTAGE_MAX_AGE";
    private static final Duration DEFAULT_OUTAGE_MAX_AGE = Duration.ofSeconds(5);

    private static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    private static final long DEFAULT_L1_MAX_SIZE = 1000;
    private static final Duration DEFAULT_L1_TTL = Duration.ofSeconds(60);
    private static final Duration DEFAULT_L2_TTL = Duration.ofSeconds(300);
    private static final String DEFAULT_NAMESPACE = "muejam:cache";
    /** The region whose TTL applies to every region without a setting of its own. */
    public static final String DEFAULT_REGION = "default";

    private final String valkeyUrl;
    private final String valkeyCaCert;
    private final String namespace;
    private final long l1MaxSize;
    private final Duration l1Ttl;
    private final Map<String, Duration> regionTtls;
    private final Duration l2Timeout;
    private final int breakerFailures;
    private final Duration breakerProbeInterval;
    private final Duration outageMaxAge;
    private final Duration tagTtl;
    private final Duration expiryGrace;
    private final int maxTrackedTags;
    private final int redissonThreads;

    private TwoTierCacheConfig(Builder b) {
        this.valkeyUrl = Objects.requireNonNull(b.valkeyUrl, "valkeyUrl");
        this.valkeyCaCert = b.valkeyCaCert == null || b.valkeyCaCert.isBlank() ? null : b.valkeyCaCert.trim();
        if (valkeyCaCert != null && !valkeyUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException(VALKEY_CA_CERT + " is set (" + valkeyCaCert + ") but " + VALKEY_URL
                    + " is not a rediss:// URL, so no TLS would be used: write " + VALKEY_URL + " as rediss://...");
        }
        this.namespace = requireText(b.namespace, "namespace");
        if (b.l1MaxSize < 1) {
            throw new IllegalArgumentException("L1 max size must be positive: " + b.l1MaxSize);
        }
        this.l1MaxSize = b.l1MaxSize;
        this.l1Ttl = positive(b.l1Ttl, "L1 TTL");
        Map<String, Duration> ttls = new LinkedHashMap<>();
        for (String region : b.regions) {
            ttls.put(region, b.l2DefaultTtl);
        }
        ttls.putAll(b.regionTtls);
        ttls.put(DEFAULT_REGION, b.regionTtls.getOrDefault(DEFAULT_REGION, b.l2DefaultTtl));
        ttls.values().forEach(d -> positive(d, "L2 TTL"));
        this.regionTtls = Map.copyOf(ttls);
        this.l2Timeout = positive(b.l2Timeout, "L2 timeout");
        if (b.breakerFailures < 1) {
            throw new IllegalArgumentException("breaker failures must be positive: " + b.breakerFailures);
        }
        this.breakerFailures = b.breakerFailures;
        this.breakerProbeInterval = positive(b.breakerProbeInterval, "breaker probe interval");
        this.outageMaxAge = positive(b.outageMaxAge, "L1 outage max age");
        Duration longest = ttls.values().stream().max(Duration::compareTo).orElse(DEFAULT_L2_TTL);
        Duration minTagTtl = longest.multipliedBy(2);
        if (b.tagTtl == null) {
            this.tagTtl = minTagTtl.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : minTagTtl;
        } else {
            // A tag version that expires while entries still carry it costs only misses, never stale hits (a
            // re-created version is time-based and larger); still, keep it longer than any entry.
            this.tagTtl = b.tagTtl.compareTo(longest) < 0 ? longest : b.tagTtl;
        }
        this.expiryGrace = b.expiryGrace.isNegative() ? Duration.ZERO : b.expiryGrace;
        this.maxTrackedTags = Math.max(16, b.maxTrackedTags);
        this.redissonThreads = Math.max(1, b.redissonThreads);
    }

    /** Settings from system properties and environment variables (system properties win), defaults otherwise. */
    public static TwoTierCacheConfig fromEnvironment() {
        return fromProperties(null);
    }

    /**
     * Settings from {@code overrides} (may be null), then system properties, then environment variables, then the
     * defaults.
     */
    public static TwoTierCacheConfig fromProperties(Properties overrides) {
        Map<String, String> env = System.getenv();
        Function<String, String> lookup = name -> {
            String v = overrides == null ? null : overrides.getProperty(name);
            if (v == null) {
                v = System.getProperty(name);
            }
            if (v == null) {
                v = env.get(name);
            }
            return v == null || v.isBlank() ? null : v.trim();
        };
        Builder b = builder();
        String v;
        if ((v = lookup.apply(VALKEY_URL)) != null) b.valkeyUrl(v);
        if ((v = lookup.apply(VALKEY_CA_CERT)) != null) b.valkeyCaCert(v);
        if ((v = lookup.apply(CACHE_NAMESPACE)) != null) b.namespace(v);
        if ((v = lookup.apply(L1_CACHE_MAX_SIZE)) != null) b.l1MaxSize(Long.parseLong(v));
        if ((v = lookup.apply(L1_CACHE_DEFAULT_TTL)) != null) b.l1Ttl(parseDuration(v));
        if ((v = lookup.apply(L2_TIMEOUT)) != null) b.l2Timeout(parseDuration(v));
        if ((v = lookup.apply(L2_BREAKER_FAILURES)) != null) b.breakerFailures(Integer.parseInt(v));
        if ((v = lookup.apply(L2_BREAKER_PROBE_INTERVAL)) != null) b.breakerProbeInterval(parseDuration(v));
        if ((v = lookup.apply(CACHE_TAG_TTL)) != null) b.tagTtl(parseDuration(v));
        if ((v = lookup.apply(L1_CACHE_OUTAGE_MAX_AGE)) != null) b.outageMaxAge(parseDuration(v));
        if ((v = lookup.apply(L2_CACHE_TTL_PREFIX + "DEFAULT")) != null) b.l2DefaultTtl(parseDuration(v));
        // Any L2_CACHE_TTL_X names region "x" (the application declares its regions with Builder.regions).
        java.util.Set<String> names = new java.util.TreeSet<>(env.keySet());
        System.getProperties().stringPropertyNames().forEach(names::add);
        if (overrides != null) {
            names.addAll(overrides.stringPropertyNames());
        }
        for (String name : names) {
            if (name.startsWith(L2_CACHE_TTL_PREFIX) && name.length() > L2_CACHE_TTL_PREFIX.length()) {
                String region = name.substring(L2_CACHE_TTL_PREFIX.length()).toLowerCase(Locale.ROOT);
                if (!region.equals(DEFAULT_REGION) && (v = lookup.apply(name)) != null) {
                    b.regionTtl(region, parseDuration(v));
                }
            }
        }
        return b.build();
    }

    /** The variable naming a region's L2 TTL: {@code L2_CACHE_TTL_} + the upper-case region name. */
    private static String ttlVariable(String region) {
        return L2_CACHE_TTL_PREFIX + region.toUpperCase(Locale.ROOT);
    }

    /** Parses {@code 60}, {@code 60s}, {@code 250ms}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT60S}. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
            switch (unit) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                case 'd': return Duration.ofDays(n);
                default: throw new IllegalArgumentException("unknown duration unit in '" + text + "'");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "'", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().valkeyUrl(valkeyUrl).valkeyCaCert(valkeyCaCert).namespace(namespace).l1MaxSize(l1MaxSize).l1Ttl(l1Ttl)
                .l2DefaultTtl(regionTtls.get(DEFAULT_REGION)).l2Timeout(l2Timeout).breakerFailures(breakerFailures)
                .breakerProbeInterval(breakerProbeInterval).outageMaxAge(outageMaxAge).tagTtl(tagTtl).expiryGrace(expiryGrace)
                .maxTrackedTags(maxTrackedTags).redissonThreads(redissonThreads);
        regionTtls.forEach(b::regionTtl);
        return b;
    }

    /** These settings as properties for {@code CachingProvider.getCacheManager(uri, classLoader, properties)}. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty(VALKEY_URL, valkeyUrl);
        if (valkeyCaCert != null) {
            p.setProperty(VALKEY_CA_CERT, valkeyCaCert);
        }
        p.setProperty(CACHE_NAMESPACE, namespace);
        p.setProperty(L1_CACHE_MAX_SIZE, Long.toString(l1MaxSize));
        p.setProperty(L1_CACHE_DEFAULT_TTL, l1Ttl.toMillis() + "ms");
        regionTtls.forEach((region, ttl) -> p.setProperty(ttlVariable(region), ttl.toMillis() + "ms"));
        p.setProperty(L2_TIMEOUT, l2Timeout.toMillis() + "ms");
        p.setProperty(L2_BREAKER_FAILURES, Integer.toString(breakerFailures));
        p.setProperty(L2_BREAKER_PROBE_INTERVAL, breakerProbeInterval.toMillis() + "ms");
        p.setProperty(CACHE_TAG_TTL, tagTtl.toMillis() + "ms");
        p.setProperty(L1_CACHE_OUTAGE_MAX_AGE, outageMaxAge.toMillis() + "ms");
        return p;
    }

    public String valkeyUrl() {
        return valkeyUrl;
    }

    /** The PEM CA bundle for {@code rediss://}, or null for the JVM's trust store. */
    public String valkeyCaCert() {
        return valkeyCaCert;
    }

    public String namespace() {
        return namespace;
    }

    public long l1MaxSize() {
        return l1MaxSize;
    }

    /** Longest life of an L1 entry (it is also capped by the remaining life of its L2 entry). */
    public Duration l1Ttl() {
        return l1Ttl;
    }

    /** L2 TTL of a region: its own setting, else the {@code default} region's. */
    public Duration l2Ttl(String region) {
        Duration d = regionTtls.get(region);
        return d != null ? d : regionTtls.get(DEFAULT_REGION);
    }

    /** Every declared or configured region with its L2 TTL, {@link #DEFAULT_REGION} included. */
    public Map<String, Duration> regionTtls() {
        return regionTtls;
    }

    public Duration l2Timeout() {
        return l2Timeout;
    }

    public int breakerFailures() {
        return breakerFailures;
    }

    public Duration breakerProbeInterval() {
        return breakerProbeInterval;
    }

    public Duration tagTtl() {
        return tagTtl;
    }

    /**
     * How stale an L1 copy can be while this node cannot hear invalidations (Redis unreachable), plus the time to
     * notice the outage: L1 is flushed at this interval from the moment the outage is noticed until Redis is back.
     */
    public Duration outageMaxAge() {
        return outageMaxAge;
    }

    /** How much longer than its logical expiry Redis keeps an entry, so that an expiry can still be observed. */
    public Duration expiryGrace() {
        return expiryGrace;
    }

    /** Bound of the per-node table of known tag versions. */
    public int maxTrackedTags() {
        return maxTrackedTags;
    }

    public int redissonThreads() {
        return redissonThreads;
    }

    @Override
    public String toString() {
        return "TwoTierCacheConfig{url=" + redactedUrl() + ", namespace=" + namespace + ", l1MaxSize=" + l1MaxSize
                + ", l1Ttl=" + l1Ttl + ", regionTtls=" + regionTtls + ", l2Timeout=" + l2Timeout
                + ", breakerFailures=" + breakerFailures + ", probe=" + breakerProbeInterval + ", tagTtl=" + tagTtl + '}';
    }

    /** The URL without credentials, for logs. */
    String redactedUrl() {
        return valkeyUrl.replaceFirst("//[^@/]*@", "//***@");
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return s;
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    public static final class Builder {
        private String valkeyUrl = DEFAULT_URL;
        private String valkeyCaCert;
        private String namespace = DEFAULT_NAMESPACE;
        private long l1MaxSize = DEFAULT_L1_MAX_SIZE;
        private Duration l1Ttl = DEFAULT_L1_TTL;
        private Duration l2DefaultTtl = DEFAULT_L2_TTL;
        private final Map<String, Duration> regionTtls = new LinkedHashMap<>();
        private final java.util.Set<String> regions = new java.util.LinkedHashSet<>();
        private Duration l2Timeout = Duration.ofMillis(300);
        private int breakerFailures = 3;
        private Duration breakerProbeInterval = Duration.ofSeconds(1);
        private Duration outageMaxAge = DEFAULT_OUTAGE_MAX_AGE;
        private Duration tagTtl;
        private Duration expiryGrace = Duration.ofSeconds(5);
        private int maxTrackedTags = 100_000;
        private int redissonThreads = 4;

        private Builder() {
        }

        public Builder valkeyUrl(String url) {
            this.valkeyUrl = url;
            return this;
        }

        /** Path of the PEM CA bundle trusted by a {@code rediss://} connection ({@code VALKEY_CA_CERT}). */
        public Builder valkeyCaCert(String path) {
            this.valkeyCaCert = path;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder l1MaxSize(long entries) {
            this.l1MaxSize = entries;
            return this;
        }

        public Builder l1Ttl(Duration ttl) {
            this.l1Ttl = ttl;
            return this;
        }

        /** TTL of region {@code default} and of every region without its own setting. */
        public Builder l2DefaultTtl(Duration ttl) {
            this.l2DefaultTtl = ttl;
            return this;
        }

        /**
         * Declares the application's regions: each gets the default L2 TTL unless a TTL is set for it (by
         * {@link #regionTtl} or {@code L2_CACHE_TTL_<REGION>}). The library itself knows only {@link #DEFAULT_REGION}.
         */
        public Builder regions(java.util.Collection<String> names) {
            for (String name : names) {
                regions.add(requireText(name, "region"));
            }
            return this;
        }

        public Builder regionTtl(String region, Duration ttl) {
            this.regionTtls.put(Objects.requireNonNull(region, "region"), ttl);
            return this;
        }

        public Builder l2Timeout(Duration timeout) {
            this.l2Timeout = timeout;
            return this;
        }

        public Builder breakerFailures(int failures) {
            this.breakerFailures = failures;
            return this;
        }

        public Builder breakerProbeInterval(Duration interval) {
            this.breakerProbeInterval = interval;
            return this;
        }

        public Builder outageMaxAge(Duration age) {
            this.outageMaxAge = age;
            return this;
        }

        public Builder tagTtl(Duration ttl) {
            this.tagTtl = ttl;
            return this;
        }

        public Builder expiryGrace(Duration grace) {
            this.expiryGrace = Objects.requireNonNull(grace);
            return this;
        }

        public Builder maxTrackedTags(int max) {
            this.maxTrackedTags = max;
            return this;
        }

        public Builder redissonThreads(int threads) {
            this.redissonThreads = threads;
            return this;
        }

        public TwoTierCacheConfig build() {
            return new TwoTierCacheConfig(this);
        }
    }
}
