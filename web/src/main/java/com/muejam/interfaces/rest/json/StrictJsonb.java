package com.muejam.interfaces.rest.json;

import java.lang.reflect.Type;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B instance of the REST API: the defaults, except that a {@code String} property accepts only a JSON
 * string. Yasson otherwise turns {@code {"username": 12345}} or {@code true} into the text "12345" / "true", so a
 * client's type error would be stored as data (the fuzz test created a profile named "true"). A wrong type is a
 * {@link JsonbException}, answered 400 as an unreadable body. Numbers are left as JSON-B binds them.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictString()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** A JSON string, or null for JSON null; anything else is refused. */
    public static final class StrictString implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonString s) {
                return storable(s.getString());
            }
            if (value == JsonValue.NULL || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            throw new JsonbException("expected a JSON string, got " + value.getValueType());
        }

        /**
         * Text PostgreSQL can store and UTF-8 can encode: no NUL (PostgreSQL refuses it in text columns, which would
         * surface as a 500) and no unpaired surrogate (it would be stored as a replacement character).
         */
        static String storable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    throw new JsonbException("a text value contains a NUL character");
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new JsonbException("a text value contains an unpaired surrogate");
                }
            }
            return text;
        }
    }
}
