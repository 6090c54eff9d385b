package com.muejam.cache.internal;

import com.muejam.cache.TwoTierCacheConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.MessageListener;
import org.redisson.api.listener.StatusListener;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.SingleServerConfig;
import org.redisson.connection.ConnectionListener;

/**
 * Everything this node asks of Redis, behind the {@link Breaker}: short timeouts, no retries, and an
 * {@link L2Unavailable} instead of a wait when Redis is down. Conditional writes and version bumps are Lua scripts
 * so that the check, the write and the invalidation message are one atomic step.
 */
final class RedisL2 implements AutoCloseable {

    /**
     * Compare-and-set on the stamp; publishes the invalidation message on success. ARGV[6] = '1' lets a missing key
     * match too (the caller expected an entry that was already invalid, and a sweep or expiry removed it).
     */
    private static final String CAS = String.join("\n",
            "local cur = redis.call('get', KEYS[1])",
            "local exp = ARGV[1]",
            "if exp == '' then",
            "  if cur then return 0 end",
            "elseif exp ~= '*' then",
            "  if cur then",
            "    if string.sub(cur, 2, 9) ~= exp then return 0 end",
            "  elseif ARGV[6] ~= '1' then return 0 end",
            "end",
            "if ARGV[2] == '' then",
            "  if cur then redis.call('del', KEYS[1]) end",
            "else",
            "  local px = tonumber(ARGV[3])",
            "  if px > 0 then redis.call('set', KEYS[1], ARGV[2], 'PX', px) else redis.call('set', KEYS[1], ARGV[2]) end",
            "end",
            "if ARGV[4] ~= '' then redis.call('publish', ARGV[4], ARGV[5]) end",
            "return 1");

    /**
     * Stores a loaded value only if every version it was loaded under is still current in Redis, so L2 never
     * receives a value that an invalidation already superseded. On mismatch returns the current versions ('' for
     * missing) so the node can catch up.
     */
    private static final String FILL = String.join("\n",
            "local bad = false",
            "for i = 2, #KEYS do",
            "  if redis.call('get', KEYS[i]) ~= ARGV[i + 1] then bad = true end",
            "end",
            "if bad then",
            "  local out = {'0'}",
            "  for i = 2, #KEYS do out[i] = redis.call('get', KEYS[i]) or '' end",
            "  return out",
            "end",
            "redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])",
            "return {'1'}");

    /**
     * Current versions, creating missing ones. A new version starts at Redis' clock in microseconds, so a version
     * re-created after a Redis restart or an expiry is larger than any it replaces and never repeats one.
     */
    private static final String READ_VERSIONS = String.join("\n",
            "local t = redis.call('time')",
            "local base = t[1] .. string.format('%06d', tonumber(t[2]))",
            "local out = {}",
            "for i, k in ipairs(KEYS) do",
            "  local v = redis.call('get', k)",
            "  local ttl = tonumber(ARGV[i])",
            "  if not v then",
            "    v = base",
            "    if ttl > 0 then redis.call('set', k, v, 'PX', ttl) else redis.call('set', k, v) end",
            "  elseif ttl > 0 then redis.call('pexpire', k, ttl) end",
            "  out[i] = v",
            "end",
            "return out");

    /** Increments versions and publishes the new ones in one message: {@code V\norigin(\nid\nversion)*}. */
    private static final String BUMP = String.join("\n",
            "local t = redis.call('time')",
            "local base = t[1] .. string.format('%06d', tonumber(t[2]))",
            "local msg = 'V\\n' .. ARGV[2]",
            "local out = {}",
            "for i, k in ipairs(KEYS) do",
            "  if redis.call('exists', k) == 0 then redis.call('set', k, base) end",
            "  redis.call('incr', k)",
            "  local v = redis.call('get', k)",
            "  local ttl = tonumber(ARGV[2 + 2 * i])",
            "  if ttl > 0 then redis.call('pexpire', k, ttl) end",
            "  out[i] = v",
            "  msg = msg .. '\\n' .. ARGV[1 + 2 * i] .. '\\n' .. v",
            "end",
            "redis.call('publish', ARGV[1], msg)",
            "return out");

    /** Deletes entries written under a generation older than ARGV[1] (8 bytes, big-endian). */
    private static final String SWEEP = String.join("\n",
            "local function older(a, b)",
            "  for i = 1, 8 do",
            "    local x, y = string.byte(a, i), string.byte(b, i)",
            "    if x ~= y then return x < y end",
            "  end",
            "  return false",
            "end",
            "local n = 0",
            "for i, k in ipairs(KEYS) do",
            "  local v = redis.call('get', k)",
            "  if v and string.len(v) >= 17 and older(string.sub(v, 10, 17), ARGV[1]) then",
            "    redis.call('del', k)",
            "    n = n + 1",
            "  end",
            "end",
            "return n");

    /**
     * Raises a mark: ARGV[1] is a 16-digit lower-case hex value, so comparing strings compares the unsigned
     * numbers (Lua's numbers are doubles and would lose the low bits of a 64-bit position).
     */
    private static final String RAISE = String.join("\n",
            "local cur = redis.call('get', KEYS[1])",
            "if (not cur) or cur < ARGV[1] then",
            "  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])",
            "else",
            "  redis.call('pexpire', KEYS[1], ARGV[2])",
            "end",
            "return 1");

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] ANY = {'*'};
    private static final byte[] ONE = {'1'};

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisL2.class);

    private final RedissonClient client;
    private final TwoTierCacheConfig config;
    private final java.util.concurrent.atomic.AtomicBoolean tlsWarned = new java.util.concurrent.atomic.AtomicBoolean();
    private final Breaker breaker;
    private final LongAdder errors;
    private final String channel;
    private final byte[] channelBytes;
    private final RScript bytesScript;
    private final RScript stringScript;

    public RedisL2(TwoTierCacheConfig cfg, String clientName, Breaker breaker, LongAdder errors,
                   ConnectionListener connectionListener) {
        this.breaker = breaker;
        this.errors = errors;
        this.config = cfg;
        this.channel = cfg.namespace() + ":inv";
        this.channelBytes = channel.getBytes(StandardCharsets.UTF_8);
        this.client = Redisson.create(redissonConfig(cfg, clientName, connectionListener));
        this.bytesScript = client.getScript(ByteArrayCodec.INSTANCE);
        this.stringScript = client.getScript(StringCodec.INSTANCE);
    }

    static Config redissonConfig(TwoTierCacheConfig cfg, String clientName, ConnectionListener listener) {
        URI uri = URI.create(cfg.valkeyUrl());
        String scheme = uri.getScheme() == null ? "redis" : uri.getScheme();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        int timeout = (int) Math.max(1, cfg.l2Timeout().toMillis());
        Config c = new Config();
        // No connection at construction: a node must start even while Redis is down.
        c.setLazyInitialization(true);
        c.setThreads(cfg.redissonThreads());
        c.setNettyThreads(cfg.redissonThreads() * 2);
        c.setCodec(ByteArrayCodec.INSTANCE);
        if (listener != null) {
            c.setConnectionListener(listener);
        }
        SingleServerConfig s = c.useSingleServer()
                .setAddress(scheme + "://" + uri.getHost() + ":" + port)
                .setClientName(clientName)
                .setTimeout(timeout)
                .setConnectTimeout(timeout)
                .setSubscriptionTimeout(Math.max(timeout, 1000))
                .setRetryAttempts(0)
                .setRetryDelay(new EqualJitterDelay(Duration.ofMillis(10), Duration.ofMillis(50)))
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(50), Duration.ofMillis(500)))
                .setPingConnectionInterval(1000)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionPoolSize(2);
        if ("rediss".equals(scheme)) {
            // the certificate chain and the host name (endpoint identification), as for the database
            s.setSslVerificationMode(org.redisson.config.SslVerificationMode.STRICT);
            if (cfg.valkeyCaCert() != null) {
                s.setSslTrustManagerFactory(trustManagers(cfg.valkeyCaCert()));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            s.setDatabase(Integer.parseInt(path.substring(1)));
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
            String pass = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            if (user != null && !user.isEmpty()) {
                s.setUsername(user);
            }
            if (!pass.isEmpty()) {
                s.setPassword(pass);
            }
        }
        return c;
    }

    /**
     * One sentence naming the setting to fix when {@code failure} is a refused TLS handshake with Redis; empty for
     * any other failure.
     */
    static java.util.Optional<String> tlsRefusal(Throwable failure, TwoTierCacheConfig cfg) {
        String host = URI.create(cfg.valkeyUrl()).getHost();
        String ca = cfg.valkeyCaCert() == null ? "unset, so the JVM's trust store" : cfg.valkeyCaCert();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return java.util.Optional.of("TLS to Redis " + host + " refused: the server certificate does not name"
                        + " host '" + host + "' (rediss:// checks the host name); write VALKEY_URL with a name the"
                        + " certificate lists (on ElastiCache the primary endpoint)");
            }
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return java.util.Optional.of("TLS to Redis " + host + " refused: the server certificate is not signed"
                        + " by a CA in VALKEY_CA_CERT (" + ca + "); set VALKEY_CA_CERT to the PEM bundle of the CA that"
                        + " signed it");
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return java.util.Optional.of("TLS to Redis " + host + " failed (VALKEY_URL rediss://, VALKEY_CA_CERT "
                        + ca + "): " + m);
            }
        }
        return java.util.Optional.empty();
    }

    /** Trust managers for the CA certificates of a PEM bundle ({@code VALKEY_CA_CERT}). */
    static javax.net.ssl.TrustManagerFactory trustManagers(String pemBundle) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(pemBundle))) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (java.security.cert.Certificate cert
                    : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new IllegalArgumentException("VALKEY_CA_CERT (" + pemBundle + ") holds no PEM certificate");
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                    .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("VALKEY_CA_CERT (" + pemBundle + ") cannot be read as a PEM CA bundle: "
                    + e.getMessage(), e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public Breaker breaker() {
        return breaker;
    }

    public String channel() {
        return channel;
    }

    /** The Redisson client (benchmarks compare against raw calls on it). */
    public RedissonClient client() {
        return client;
    }

    /** Calls made by the resynchronisation that decides whether to close the breaker pass it. */
    private static final ThreadLocal<Boolean> RECOVERING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Runs {@code work} with L2 calls allowed although the breaker is not closed yet. */
    public void runRecovery(Runnable work) {
        RECOVERING.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            RECOVERING.set(Boolean.FALSE);
        }
    }

    /** Whether a call made now would be attempted. */
    public boolean usable() {
        return breaker.allowsRequests() || RECOVERING.get();
    }

    private <T> T guard(Supplier<T> call) {
        if (!breaker.allowsRequests() && !RECOVERING.get()) {
            throw L2Unavailable.BREAKER_OPEN;
        }
        try {
            T result = call.get();
            breaker.onSuccess();
            return result;
        } catch (RuntimeException e) {
            errors.increment();
            breaker.onFailure();
            if (!tlsWarned.get()) {
                tlsRefusal(e, config).ifPresent(why -> {
                    if (tlsWarned.compareAndSet(false, true)) {
                        LOG.warn("cache: {}", why); // once: the breaker keeps the cache on L1 until it is fixed
                    }
                });
            }
            throw new L2Unavailable("L2 call failed: " + e, e);
        }
    }

    public byte[] get(String key) {
        return guard(() -> client.<byte[]>getBucket(key, ByteArrayCodec.INSTANCE).get());
    }

    /** MGET; the result has one element per key, null where absent. */
    public List<byte[]> getAll(List<String> keys) {
        if (keys.isEmpty()) {
            return Collections.emptyList();
        }
        String[] names = keys.toArray(new String[0]);
        Map<String, Object> found = guard(() -> client.getBuckets(ByteArrayCodec.INSTANCE).get(names));
        List<byte[]> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add((byte[]) found.get(k));
        }
        return out;
    }

    /**
     * Writes {@code value} (null deletes) if the stored stamp is {@code expectedStamp} (0: only if absent, -1: in
     * any case), with a Redis TTL of {@code pxMillis} (0: none), and publishes {@code message} (null: nothing).
     */
    public boolean compareAndSet(String key, long expectedStamp, byte[] value, long pxMillis, String message) {
        return compareAndSet(key, expectedStamp, false, value, pxMillis, message);
    }

    /** As above; {@code absentMatches}: a missing key also satisfies {@code expectedStamp}. */
    public boolean compareAndSet(String key, long expectedStamp, boolean absentMatches, byte[] value, long pxMillis,
                                 String message) {
        byte[] expected = expectedStamp == 0 ? EMPTY : expectedStamp == -1 ? ANY : StoredEntry.stampBytes(expectedStamp);
        Object[] args = {expected, value == null ? EMPTY : value, ascii(Long.toString(Math.max(0, pxMillis))),
                message == null ? EMPTY : channelBytes,
                message == null ? EMPTY : message.getBytes(StandardCharsets.UTF_8), absentMatches ? ONE : EMPTY};
        Long r = guard(() -> bytesScript.eval(key, RScript.Mode.READ_WRITE, CAS, RScript.ReturnType.INTEGER,
                Collections.singletonList(key), args));
        return r != null && r == 1L;
    }

    /**
     * Stores a loaded entry if {@code versionKeys} still hold {@code expected}. Returns null on success, else the
     * current values ("" for a missing key).
     */
    public String[] fill(String key, byte[] value, long pxMillis, List<String> versionKeys, String[] expected) {
        List<Object> keys = new ArrayList<>(versionKeys.size() + 1);
        keys.add(key);
        keys.addAll(versionKeys);
        Object[] args = new Object[2 + expected.length];
        args[0] = value;
        args[1] = ascii(Long.toString(Math.max(1, pxMillis)));
        for (int i = 0; i < expected.length; i++) {
            args[2 + i] = ascii(expected[i]);
        }
        List<Object> r = guard(() -> bytesScript.eval(key, RScript.Mode.READ_WRITE, FILL, RScript.ReturnType.MULTI,
                keys, args));
        if (r == null || r.isEmpty() || "1".equals(str(r.get(0)))) {
            return null;
        }
        String[] current = new String[versionKeys.size()];
        for (int i = 0; i < current.length; i++) {
            current[i] = i + 1 < r.size() ? str(r.get(i + 1)) : "";
        }
        return current;
    }

    private static String str(Object o) {
        if (o == null) {
            return "";
        }
        return o instanceof byte[] ? new String((byte[]) o, StandardCharsets.UTF_8) : o.toString();
    }

    /** Current versions of {@code versionKeys}, creating missing ones; {@code ttls[i]} in ms, 0 for none. */
    public long[] readVersions(List<String> versionKeys, long[] ttls) {
        Object[] args = new Object[ttls.length];
        for (int i = 0; i < ttls.length; i++) {
            args[i] = Long.toString(ttls[i]);
        }
        List<Object> r = guard(() -> stringScript.eval(versionKeys.get(0), RScript.Mode.READ_WRITE, READ_VERSIONS,
                RScript.ReturnType.MULTI, new ArrayList<>(versionKeys), args));
        return toLongs(r, versionKeys.size());
    }

    /**
     * Increments {@code versionKeys} and publishes their new values under {@code ids} from {@code origin}; returns
     * the new versions.
     */
    public long[] bump(List<String> versionKeys, List<String> ids, long[] ttls, String origin) {
        Object[] args = new Object[2 + 2 * ids.size()];
        args[0] = channel;
        args[1] = origin;
        for (int i = 0; i < ids.size(); i++) {
            args[2 + 2 * i] = ids.get(i);
            args[3 + 2 * i] = Long.toString(ttls[i]);
        }
        List<Object> r = guard(() -> stringScript.eval(versionKeys.get(0), RScript.Mode.READ_WRITE, BUMP,
                RScript.ReturnType.MULTI, new ArrayList<>(versionKeys), args));
        return toLongs(r, versionKeys.size());
    }

    private static long[] toLongs(List<Object> r, int n) {
        if (r == null || r.size() != n) {
            throw new IllegalStateException("unexpected script reply " + r);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = Long.parseLong(str(r.get(i)));
        }
        return out;
    }

    /** Deletes those of {@code keys} written under a generation older than {@code generation}. */
    public long sweep(List<String> keys, long generation) {
        if (keys.isEmpty()) {
            return 0;
        }
        Long n = guard(() -> bytesScript.eval(keys.get(0), RScript.Mode.READ_WRITE, SWEEP, RScript.ReturnType.INTEGER,
                new ArrayList<>(keys), (Object) StoredEntry.stampBytes(generation)));
        return n == null ? 0 : n;
    }

    /** Keys matching a glob pattern, fetched lazily by SCAN. Failures surface as {@link L2Unavailable}. */
    public Iterable<String> scan(String pattern) {
        if (!usable()) {
            throw L2Unavailable.BREAKER_OPEN;
        }
        Iterable<String> keys = client.getKeys().getKeys(KeysScanOptions.defaults().pattern(pattern).chunkSize(500));
        return () -> {
            java.util.Iterator<String> it = keys.iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return guard(it::hasNext);
                }

                @Override
                public String next() {
                    return guard(it::next);
                }
            };
        };
    }

    /** Raises the mark at {@code key} to {@code hex16} (16 hex digits) unless higher; restarts its TTL either way. */
    public void raiseMark(String key, String hex16, long pxMillis) {
        guard(() -> stringScript.eval(key, RScript.Mode.READ_WRITE, RAISE, RScript.ReturnType.INTEGER,
                List.of(key), hex16, Long.toString(pxMillis)));
    }

    /** The string value at {@code key}, or null. */
    public String getString(String key) {
        return guard(() -> client.<String>getBucket(key, StringCodec.INSTANCE).get());
    }

    public void delete(List<String> keys) {
        if (!keys.isEmpty()) {
            guard(() -> client.getKeys().delete(keys.toArray(new String[0])));
        }
    }

    public void publish(String message) {
        guard(() -> client.getTopic(channel, StringCodec.INSTANCE).publish(message));
    }

    /** A PING that ignores the breaker: the probe that decides whether to close it. */
    public boolean ping() {
        try {
            return client.getBucket(channel + ":probe", ByteArrayCodec.INSTANCE).isExists() || true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Subscribes to the invalidation channel (ignores the breaker; throws while Redis is down). */
    public RTopic subscribe(MessageListener<String> listener, StatusListener status) {
        RTopic topic = client.getTopic(channel, StringCodec.INSTANCE);
        try {
            topic.addListener(status);
            topic.addListener(String.class, listener);
            return topic;
        } catch (RuntimeException e) {
            try {
                topic.removeAllListeners();
            } catch (RuntimeException ignored) {
                // Redis is down; nothing is subscribed anyway
            }
            throw e;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "RedisL2" + Arrays.asList(channel, breaker.state());
    }
}
