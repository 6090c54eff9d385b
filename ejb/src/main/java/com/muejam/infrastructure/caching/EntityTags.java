package com.muejam.infrastructure.caching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity → tag map: which cache tags a change to a row of an entity invalidates. It is data, declared by
 * the application in {@code META-INF/cache-tags.properties} ({@code entity class = tag, tag:{field}, …}), so the
 * caching mechanism knows nothing about stories or users. {@code {field}} is the changed row's field value.
 */
public final class EntityTags {

    /** Class-path resource holding the map. */
    public static final String RESOURCE = "META-INF/cache-tags.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, List<String>> templates;
    private final Map<String, Field> fields = new ConcurrentHashMap<>();

    EntityTags(Map<String, List<String>> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** Reads the map from the class path of the given loader (empty when there is none). */
    public static EntityTags load(ClassLoader loader) {
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, List<String>> map = new ConcurrentHashMap<>();
        properties.forEach((k, v) -> map.put(k.toString().trim(),
                Arrays.stream(v.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()));
        return new EntityTags(map);
    }

    /** The tags a change to {@code entity} invalidates; empty for an entity the map does not name. */
    public List<String> tagsFor(Object entity) {
        List<String> declared = templates.get(entity.getClass().getName());
        if (declared == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(declared.size());
        for (String template : declared) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder tag = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(tag, Matcher.quoteReplacement(String.valueOf(value(entity, m.group(1)))));
            }
            m.appendTail(tag);
            tags.add(tag.toString());
        }
        return tags;
    }

    private Object value(Object entity, String name) {
        Field field = fields.computeIfAbsent(entity.getClass().getName() + "#" + name, k -> find(entity.getClass(), name));
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + name + " of " + entity.getClass().getName(), e);
        }
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalArgumentException(RESOURCE + ": " + type.getName() + " has no field " + name);
    }
}
