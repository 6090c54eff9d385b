--liquibase formatted sql

-- Sign-in security. sessions_token_hash_key (a constraint, 006) serves SESSION_BY_TOKEN_HASH and
-- SESSION_REVOKE; two_factor_auth is read by its primary key (TWO_FACTOR_BY_USER).
--
-- Index changesets (label "index"), one index each, built with CREATE INDEX CONCURRENTLY outside a transaction
-- (runInTransaction:false) so writes continue during a release. Each changeset:
--   * runs only if no VALID index of that name exists (precondition). A valid one without a changelog row, e.g.
--     after a crash between the build and the changelog insert, is recorded as MARK_RAN;
--   * drops an index of that name left INVALID by a failed concurrent build (IF NOT EXISTS would keep it);
--   * sets lock_timeout (property index.lock_timeout) so the build fails instead of waiting forever behind a long
--     transaction; the next update then rebuilds it.

--changeset muejam:login_attempts_username_idx labels:index runInTransaction:false
--comment: LOGIN_FAILURES_FOR_USERNAME (failures in the last 15 minutes, lockout) and LOGIN_HISTORY_FOR_USERNAME.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('login_attempts_username_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS login_attempts_username_idx;
CREATE INDEX CONCURRENTLY login_attempts_username_idx ON login_attempts (username, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS login_attempts_username_idx;

--changeset muejam:login_attempts_ip_idx labels:index runInTransaction:false
--comment: LOGIN_FAILURES_FOR_IP (failures from one address in the last 15 minutes) and LOGIN_ATTEMPTS_FOR_IP.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('login_attempts_ip_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS login_attempts_ip_idx;
CREATE INDEX CONCURRENTLY login_attempts_ip_idx ON login_attempts (ip, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS login_attempts_ip_idx;

--changeset muejam:login_attempts_recent_failures_idx labels:index runInTransaction:false
--comment: RECENT_FAILED_LOGINS: the security dashboard's feed of failures, newest first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('login_attempts_recent_failures_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS login_attempts_recent_failures_idx;
CREATE INDEX CONCURRENTLY login_attempts_recent_failures_idx ON login_attempts (created_at DESC, id DESC) WHERE NOT success;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS login_attempts_recent_failures_idx;

--changeset muejam:login_attempts_created_at_idx labels:index runInTransaction:false
--comment: LOGIN_ATTEMPTS_PURGE: retention, oldest first in batches.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('login_attempts_created_at_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS login_attempts_created_at_idx;
CREATE INDEX CONCURRENTLY login_attempts_created_at_idx ON login_attempts (created_at);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS login_attempts_created_at_idx;

--changeset muejam:sessions_user_idx labels:index runInTransaction:false
--comment: SESSION_HISTORY, SESSIONS_ACTIVE_FOR_USER, SESSIONS_REVOKE_ALL_FOR_USER and the user_id foreign key. Active sessions are the newest, so a partial WHERE revoked_at IS NULL index was measured no faster (most sessions are never revoked).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('sessions_user_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS sessions_user_idx;
CREATE INDEX CONCURRENTLY sessions_user_idx ON sessions (user_id, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS sessions_user_idx;

--changeset muejam:sessions_expires_at_idx labels:index runInTransaction:false
--comment: SESSIONS_PURGE_EXPIRED: deletes expired sessions in batches, oldest expiry first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('sessions_expires_at_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS sessions_expires_at_idx;
CREATE INDEX CONCURRENTLY sessions_expires_at_idx ON sessions (expires_at);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS sessions_expires_at_idx;
