package com.muejam.infrastructure.persistence;

/** The privacy settings queries ({@code privacy_settings}; rules: {@link HotQuery}). */
public enum PrivacyQuery implements HotQuery {

    PRIVACY_BY_USER("""
            SELECT * FROM privacy_settings WHERE user_id = :userId""",
            "privacy_settings_pkey");

    private final SqlText text;

    PrivacyQuery(String namedSql, String... indexes) {
        text = new SqlText(namedSql, indexes);
    }

    @Override
    public SqlText text() {
        return text;
    }
}
