package com.muejam.domain.privacy;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Who may see a profile. Stored lower-case ({@code public}, {@code followers}, {@code private}), CHECK-constrained. */
public enum ProfileVisibility {
    PUBLIC, FOLLOWERS, PRIVATE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps the enum to its stored value (two of them are Java keywords, so the names differ). */
    @Converter
    public static class DbConverter implements AttributeConverter<ProfileVisibility, String> {

        @Override
        public String convertToDatabaseColumn(ProfileVisibility value) {
            return value == null ? null : value.dbValue();
        }

        @Override
        public ProfileVisibility convertToEntityAttribute(String value) {
            return value == null ? null : ProfileVisibility.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
