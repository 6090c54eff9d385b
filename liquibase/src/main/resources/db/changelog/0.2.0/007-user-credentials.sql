--liquibase formatted sql

-- Release 0.2.0: sign-in credentials and roles for the platform API. Additive: a new table, no change to a
-- table in use, so it is safe on a live database (the CREATE takes no lock on existing tables except the
-- SHARE ROW EXCLUSIVE on user_profiles for the foreign key, bounded by lock_timeout).

--changeset muejam:007-user-credentials labels:schema
SET LOCAL lock_timeout = '${schema.lock_timeout}';
-- One row per user: the primary key serves CREDENTIALS_BY_USER and the foreign key. The password is stored only
-- as a salted PBKDF2 hash in the self-describing form pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>.
CREATE TABLE user_credentials (
    user_id        BIGINT       PRIMARY KEY REFERENCES user_profiles (id) ON DELETE CASCADE,
    password_hash  VARCHAR(200) NOT NULL,
    role           VARCHAR(16)  NOT NULL DEFAULT 'user',
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT user_credentials_role_check CHECK (role IN ('user', 'moderator')),
    CONSTRAINT user_credentials_hash_check CHECK (password_hash LIKE 'pbkdf2-sha256$%')
);
--rollback DROP TABLE user_credentials;
