--liquibase formatted sql

-- Release 0.1.0 additions to the stories table of 001 (which may already be applied: never edit 001).
-- Safe on a live table: a constant default is metadata-only (PostgreSQL 11+), the CHECK is added NOT VALID
-- (no scan under the ACCESS EXCLUSIVE lock) and validated in its own changeset, which scans under a weaker
-- SHARE UPDATE EXCLUSIVE lock. lock_timeout keeps the DDL from queueing behind long transactions.

--changeset muejam:002-stories-genre labels:schema
SET LOCAL lock_timeout = '${schema.lock_timeout}';
ALTER TABLE stories ADD COLUMN genre VARCHAR(32) NOT NULL DEFAULT 'general';
ALTER TABLE stories ADD CONSTRAINT stories_genre_check CHECK (genre IN ('general', 'fantasy', 'romance', 'scifi',
    'mystery', 'horror', 'thriller', 'poetry', 'fanfiction', 'humor', 'drama', 'adventure')) NOT VALID;
--rollback ALTER TABLE stories DROP COLUMN genre;

--changeset muejam:002-stories-genre-validate labels:schema
SET LOCAL lock_timeout = '${schema.lock_timeout}';
ALTER TABLE stories VALIDATE CONSTRAINT stories_genre_check;
--rollback SELECT 1;

--changeset muejam:002-stories-counts-check labels:schema
SET LOCAL lock_timeout = '${schema.lock_timeout}';
ALTER TABLE stories ADD CONSTRAINT stories_counts_check
    CHECK (view_count >= 0 AND like_count >= 0 AND comment_count >= 0) NOT VALID;
--rollback ALTER TABLE stories DROP CONSTRAINT stories_counts_check;

--changeset muejam:002-stories-counts-check-validate labels:schema
SET LOCAL lock_timeout = '${schema.lock_timeout}';
ALTER TABLE stories VALIDATE CONSTRAINT stories_counts_check;
--rollback SELECT 1;
