package com.muejam.cache;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Cache keys for method results: the same method and equal arguments give the same key on every node and after
 * every restart, different ones never do, and no key is longer than {@link #MAX_LENGTH} characters.
 *
 * <p>A key is the method's signature followed by a canonical encoding of its arguments. The encoding is
 * injective: every value starts with a type letter and is self-delimiting (lengths or terminators), collections
 * keep order, sets and maps are sorted by encoding, records are encoded component by component. Nothing depends on
 * {@code hashCode} or identity. Types without a canonical form (an entity, a stream) are refused with an
 * {@link IllegalArgumentException} rather than keyed by an unstable {@code toString}; implement {@link Keyed} to
 * make such a type usable. A key longer than the bound becomes the method's short name plus the SHA-256 of the
 * full key (collision-resistant).
 */
public final class KeyGenerator {

    /** Longest key produced. */
    public static final int MAX_LENGTH = 200;

    /** A type that knows its own canonical, stable key text. */
    public interface Keyed {
        /** Equal for equal objects on every node and in every run. */
        String cacheKey();
    }

    private KeyGenerator() {
    }

    /** Key of {@code method} called with {@code args}. */
    public static String forMethod(Method method, Object... args) {
        String[] names = SIGNATURES.computeIfAbsent(method, KeyGenerator::signature);
        return build(names[0], names[1], args == null ? new Object[0] : args);
    }

    /** Signature and short name per method, computed once (reflection is the expensive part of a key). */
    private static final java.util.concurrent.ConcurrentHashMap<Method, String[]> SIGNATURES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String[] signature(Method method) {
        StringBuilder sig = new StringBuilder(96);
        sig.append(method.getDeclaringClass().getName()).append('#').append(method.getName()).append('(');
        Class<?>[] params = method.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sig.append(',');
            }
            sig.append(params[i].getTypeName());
        }
        sig.append(')');
        String shortName = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        return new String[] {sig.toString(), shortName};
    }

    /** Key made of a namespace (for example "item.byId") and parts. */
    public static String of(String namespace, Object... parts) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be empty");
        }
        return build("@" + namespace, namespace, parts == null ? new Object[0] : parts);
    }

    private static String build(String prefix, String shortName, Object[] args) {
        StringBuilder b = new StringBuilder(prefix.length() + 16 * args.length + 2);
        b.append(prefix).append(':');
        for (Object a : args) {
            encode(a, b);
        }
        if (b.length() <= MAX_LENGTH) {
            return b.toString();
        }
        String shortPart = shortName.length() > 100 ? shortName.substring(0, 100) : shortName;
        // '~' never appears in an unhashed key's prefix position, and the prefix holds '(' or '@': no overlap.
        return shortPart + "~" + sha256(b.toString());
    }

    /** The canonical encoding of one value. */
    public static String canonical(Object value) {
        StringBuilder b = new StringBuilder();
        encode(value, b);
        return b.toString();
    }

    private static void encode(Object v, StringBuilder b) {
        if (v == null) {
            b.append('n');
        } else if (v instanceof String) {
            str('s', (String) v, b);
        } else if (v instanceof Keyed) {
            b.append('K');
            str('s', v.getClass().getName(), b);
            str('s', ((Keyed) v).cacheKey(), b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            b.append(v instanceof Long ? 'L' : v instanceof Integer ? 'I' : v instanceof Short ? 'H' : 'Y')
                    .append(v).append(';');
        } else if (v instanceof Boolean) {
            b.append((Boolean) v ? "b1" : "b0");
        } else if (v instanceof Character) {
            b.append('c').append((int) (Character) v).append(';');
        } else if (v instanceof Double || v instanceof Float) {
            b.append(v instanceof Double ? 'D' : 'F').append(v).append(';');
        } else if (v instanceof BigDecimal) {
            b.append('M').append(((BigDecimal) v).toString()).append(';');
        } else if (v instanceof BigInteger) {
            b.append('G').append(v).append(';');
        } else if (v instanceof Enum) {
            b.append('E');
            str('s', ((Enum<?>) v).getDeclaringClass().getName(), b);
            str('s', ((Enum<?>) v).name(), b);
        } else if (v instanceof UUID) {
            b.append('U').append(v).append(';');
        } else if (v instanceof TemporalAccessor || v instanceof TemporalAmount) {
            b.append('T');
            str('s', v.getClass().getName(), b);
            str('s', v.toString(), b);
        } else if (v instanceof Optional) {
            Optional<?> o = (Optional<?>) v;
            if (o.isPresent()) {
                b.append('O');
                encode(o.get(), b);
            } else {
                b.append('o');
            }
        } else if (v instanceof byte[]) {
            str('B', Base64.getEncoder().encodeToString((byte[]) v), b);
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            b.append('A').append(n).append(':');
            for (int i = 0; i < n; i++) {
                encode(Array.get(v, i), b);
            }
            b.append(']');
        } else if (v instanceof Set) {
            sorted('{', (Collection<?>) v, b);
        } else if (v instanceof Collection) {
            Collection<?> c = (Collection<?>) v;
            b.append('[').append(c.size()).append(':');
            for (Object e : c) {
                encode(e, b);
            }
            b.append(']');
        } else if (v instanceof Map) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                StringBuilder p = new StringBuilder();
                encode(e.getKey(), p);
                encode(e.getValue(), p);
                pairs.add(p.toString());
            }
            Collections.sort(pairs);
            b.append('<').append(pairs.size()).append(':');
            pairs.forEach(b::append);
            b.append('>');
        } else if (v.getClass().isRecord()) {
            b.append('R');
            str('s', v.getClass().getName(), b);
            RecordComponent[] comps = v.getClass().getRecordComponents();
            b.append(comps.length).append(':');
            for (RecordComponent rc : comps) {
                try {
                    Method acc = rc.getAccessor();
                    acc.setAccessible(true);
                    encode(acc.invoke(v), b);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read record component " + rc.getName() + " of "
                            + v.getClass().getName(), e);
                }
            }
        } else {
            throw new IllegalArgumentException("no stable cache key for a " + v.getClass().getName()
                    + ": pass ids or simple values, or implement KeyGenerator.Keyed");
        }
    }

    private static void sorted(char open, Collection<?> c, StringBuilder b) {
        List<String> parts = new ArrayList<>(c.size());
        for (Object e : c) {
            parts.add(canonical(e));
        }
        Collections.sort(parts);
        b.append(open).append(parts.size()).append(':');
        parts.forEach(b::append);
        b.append('}');
    }

    private static void str(char tag, String s, StringBuilder b) {
        b.append(tag).append(s.length()).append(':').append(s);
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests and diagnostics: whether a value has a canonical encoding. */
    static boolean isKeyable(Object v) {
        try {
            canonical(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
