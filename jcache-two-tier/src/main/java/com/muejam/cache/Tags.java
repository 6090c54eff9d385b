package com.muejam.cache;

/** Tag naming conventions shared by the query cache and the code that invalidates it. */
public final class Tags {

    private Tags() {
    }

    /** "Any row of this entity changed": listings and searches over it carry this tag. */
    public static String entity(String entityType) {
        return requireName(entityType);
    }

    /** "This row changed": the entity-by-id entry and queries that show this row carry this tag. */
    public static String entity(String entityType, Object id) {
        if (id == null) {
            throw new IllegalArgumentException("id must not be null");
        }
        String text = id instanceof CharSequence || id instanceof Number || id instanceof java.util.UUID
                ? id.toString() : KeyGenerator.canonical(id);
        return requireName(entityType) + ":" + text;
    }

    private static String requireName(String type) {
        if (type == null || type.isEmpty() || type.indexOf('\n') >= 0 || type.indexOf(':') >= 0) {
            throw new IllegalArgumentException("entity type must be a non-empty name without ':' or line breaks: " + type);
        }
        return type;
    }
}
