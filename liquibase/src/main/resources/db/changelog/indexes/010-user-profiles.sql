--liquibase formatted sql

-- User profiles. The username's unique constraint (001) serves PROFILE_BY_USERNAME.
--
-- Index changesets (label "index"), one index each, built with CREATE INDEX CONCURRENTLY outside a transaction
-- (runInTransaction:false) so writes continue during a release. Each changeset:
--   * runs only if no VALID index of that name exists (precondition). A valid one without a changelog row, e.g.
--     after a crash between the build and the changelog insert, is recorded as MARK_RAN;
--   * drops an index of that name left INVALID by a failed concurrent build (IF NOT EXISTS would keep it);
--   * sets lock_timeout (property index.lock_timeout) so the build fails instead of waiting forever behind a long
--     transaction; the next update then rebuilds it.

--changeset muejam:user_profiles_username_lower_key labels:index runInTransaction:false
--comment: PROFILE_SEARCH_USERNAME_PREFIX: case-insensitive prefix as a range [prefix, next prefix) on lower(username) compared bytewise (COLLATE "C"), keyset on the same key. Unique: usernames are also unique ignoring case.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('user_profiles_username_lower_key') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS user_profiles_username_lower_key;
CREATE UNIQUE INDEX CONCURRENTLY user_profiles_username_lower_key ON user_profiles ((lower(username)) COLLATE "C");
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS user_profiles_username_lower_key;

--changeset muejam:user_profiles_display_name_lower_idx labels:index runInTransaction:false
--comment: PROFILE_SEARCH_DISPLAY_NAME_PREFIX: range on lower(display_name), keyset on (name, id): names repeat.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('user_profiles_display_name_lower_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS user_profiles_display_name_lower_idx;
CREATE INDEX CONCURRENTLY user_profiles_display_name_lower_idx ON user_profiles ((lower(display_name)) COLLATE "C", id);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS user_profiles_display_name_lower_idx;

--changeset muejam:user_profiles_last_seen_idx labels:index runInTransaction:false
--comment: PROFILES_RECENTLY_ACTIVE: newest last_seen first; users never seen are not listed (partial).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('user_profiles_last_seen_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS user_profiles_last_seen_idx;
CREATE INDEX CONCURRENTLY user_profiles_last_seen_idx ON user_profiles (last_seen DESC, id DESC) WHERE last_seen IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS user_profiles_last_seen_idx;

--changeset muejam:user_profiles_created_at_idx labels:index runInTransaction:false
--comment: PROFILES_CREATED_BETWEEN: sign-ups in a time window (anti-spam review), keyset on (created_at, id).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('user_profiles_created_at_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS user_profiles_created_at_idx;
CREATE INDEX CONCURRENTLY user_profiles_created_at_idx ON user_profiles (created_at, id);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS user_profiles_created_at_idx;
