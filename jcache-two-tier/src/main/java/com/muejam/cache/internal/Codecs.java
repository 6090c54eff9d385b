package com.muejam.cache.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.cache.CacheException;

/**
 * Keys and values to bytes and back. Keys become strings that are equal for equal keys on every node (a type letter
 * and the text of strings and integers, Java serialization otherwise); values are Java-serialized, with a shortcut
 * for strings and byte arrays. Deserialization resolves classes through the cache manager's class loader.
 */
final class Codecs {

    private final ClassLoader classLoader;
    /** Keys that cannot be serialized get a node-local id; their entries never leave this node's L1. */
    private final java.util.concurrent.ConcurrentHashMap<Object, String> localKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Object> localKeysById = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong localKeyIds = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Caches whose key type is String encode a string key as itself (no copy on the hot path); other keys, and
     * strings starting with NUL, get a NUL and the typed encoding.
     */
    private final boolean stringKeys;

    public Codecs(ClassLoader classLoader, boolean stringKeys) {
        this.classLoader = classLoader;
        this.stringKeys = stringKeys;
    }

    /** Whether an encoded key is node-local (its key object is not serializable). */
    public boolean isLocalKey(String encoded) {
        return stringKeys ? encoded.length() > 1 && encoded.charAt(0) == '\0' && encoded.charAt(1) == 'x'
                : encoded.charAt(0) == 'x';
    }

    public String encodeKey(Object key) {
        if (stringKeys) {
            if (key instanceof String && (((String) key).isEmpty() || ((String) key).charAt(0) != '\0')) {
                return (String) key;
            }
            return "\0" + typedKey(key);
        }
        return typedKey(key);
    }

    private String typedKey(Object key) {
        if (key instanceof String) {
            return "s" + key;
        }
        if (key instanceof Long) {
            return "l" + key;
        }
        if (key instanceof Integer) {
            return "i" + key;
        }
        if (!(key instanceof Serializable)) {
            return localKeys.computeIfAbsent(key, k -> {
                String id = (stringKeys ? "\0x" : "x") + localKeyIds.incrementAndGet();
                localKeysById.put(id, k);
                return id;
            });
        }
        return "j" + Base64.getUrlEncoder().withoutPadding().encodeToString(javaSerialize(key));
    }

    public Object decodeKey(String encoded) {
        if (stringKeys) {
            if (encoded.isEmpty() || encoded.charAt(0) != '\0') {
                return encoded;
            }
            return typedDecode(encoded.substring(1));
        }
        return typedDecode(encoded);
    }

    private Object typedDecode(String encoded) {
        switch (encoded.charAt(0)) {
            case 's': return encoded.substring(1);
            case 'l': return Long.valueOf(encoded.substring(1));
            case 'i': return Integer.valueOf(encoded.substring(1));
            case 'j': return javaDeserialize(Base64.getUrlDecoder().decode(encoded.substring(1)));
            case 'x': return localKeysById.get(stringKeys ? "\0" + encoded : encoded);
            default: throw new CacheException("not an encoded key: " + encoded);
        }
    }

    public byte[] encodeValue(Object value) {
        if (value instanceof String) {
            byte[] s = ((String) value).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[s.length + 1];
            out[0] = 'S';
            System.arraycopy(s, 0, out, 1, s.length);
            return out;
        }
        if (value instanceof byte[]) {
            byte[] b = (byte[]) value;
            byte[] out = new byte[b.length + 1];
            out[0] = 'B';
            System.arraycopy(b, 0, out, 1, b.length);
            return out;
        }
        byte[] j = javaSerialize(value);
        byte[] out = new byte[j.length + 1];
        out[0] = 'J';
        System.arraycopy(j, 0, out, 1, j.length);
        return out;
    }

    public Object decodeValue(byte[] bytes) {
        switch (bytes[0]) {
            case 'S': return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
            case 'B': return Arrays.copyOfRange(bytes, 1, bytes.length);
            case 'J': return javaDeserialize(new ByteArrayInputStream(bytes, 1, bytes.length - 1));
            default: throw new CacheException("unknown value encoding " + bytes[0]);
        }
    }

    /** True if the value can go to L2. */
    public static boolean isSerializable(Object value) {
        return value instanceof Serializable;
    }

    private static byte[] javaSerialize(Object o) {
        if (!(o instanceof Serializable)) {
            throw new CacheException("not serializable: " + o.getClass().getName(), new NotSerializableException(o.getClass().getName()));
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new CacheException("cannot serialize " + o.getClass().getName(), e);
        }
        return bos.toByteArray();
    }

    private Object javaDeserialize(byte[] bytes) {
        return javaDeserialize(new ByteArrayInputStream(bytes));
    }

    private Object javaDeserialize(InputStream in) {
        try (ObjectInputStream ois = new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, classLoader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return ois.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new CacheException("cannot deserialize", e);
        }
    }
}
