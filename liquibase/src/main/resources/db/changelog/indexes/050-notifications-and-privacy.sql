--liquibase formatted sql

-- Notifications and blocks. privacy_settings is read by its primary key (PRIVACY_BY_USER);
-- blocked_users_pair_key (a constraint, 005) serves IS_BLOCKED, BLOCK_LIST, the discovery anti-join and the
-- blocker_id foreign key.
--
-- Index changesets (label "index"), one index each, built with CREATE INDEX CONCURRENTLY outside a transaction
-- (runInTransaction:false) so writes continue during a release. Each changeset:
--   * runs only if no VALID index of that name exists (precondition). A valid one without a changelog row, e.g.
--     after a crash between the build and the changelog insert, is recorded as MARK_RAN;
--   * drops an index of that name left INVALID by a failed concurrent build (IF NOT EXISTS would keep it);
--   * sets lock_timeout (property index.lock_timeout) so the build fails instead of waiting forever behind a long
--     transaction; the next update then rebuilds it.

--changeset muejam:notifications_unread_idx labels:index runInTransaction:false
--comment: NOTIFICATIONS_UNREAD, NOTIFICATIONS_UNREAD_COUNT (index-only) and NOTIFICATIONS_MARK_ALL_READ: most notifications are read, so the unread ones are a small partial index.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('notifications_unread_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS notifications_unread_idx;
CREATE INDEX CONCURRENTLY notifications_unread_idx ON notifications (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS notifications_unread_idx;

--changeset muejam:notifications_unread_subject_key labels:index runInTransaction:false
--comment: NOTIFICATIONS_ADD: at most one unread notification per recipient, type and subject; a new like of the same story updates it ("and 12 others") through INSERT ... ON CONFLICT on this index instead of adding a row.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('notifications_unread_subject_key') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS notifications_unread_subject_key;
CREATE UNIQUE INDEX CONCURRENTLY notifications_unread_subject_key ON notifications (recipient_id, type, subject_type, subject_id) WHERE read_at IS NULL AND subject_id IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS notifications_unread_subject_key;

--changeset muejam:notifications_recipient_idx labels:index runInTransaction:false
--comment: NOTIFICATIONS_INBOX (read and unread, newest first) and the recipient_id foreign key.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('notifications_recipient_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS notifications_recipient_idx;
CREATE INDEX CONCURRENTLY notifications_recipient_idx ON notifications (recipient_id, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS notifications_recipient_idx;

--changeset muejam:notifications_recipient_type_idx labels:index runInTransaction:false
--comment: NOTIFICATIONS_INBOX_BY_TYPE: an inbox tab of one type (e.g. mentions).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('notifications_recipient_type_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS notifications_recipient_type_idx;
CREATE INDEX CONCURRENTLY notifications_recipient_type_idx ON notifications (recipient_id, type, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS notifications_recipient_type_idx;

--changeset muejam:notifications_subject_idx labels:index runInTransaction:false
--comment: NOTIFICATIONS_DELETE_FOR_SUBJECT: removes the notifications about a deleted story or profile.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('notifications_subject_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS notifications_subject_idx;
CREATE INDEX CONCURRENTLY notifications_subject_idx ON notifications (subject_type, subject_id) WHERE subject_id IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS notifications_subject_idx;

--changeset muejam:notifications_read_at_idx labels:index runInTransaction:false
--comment: NOTIFICATIONS_PURGE_READ: retention of read notifications, oldest read first in batches.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('notifications_read_at_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS notifications_read_at_idx;
CREATE INDEX CONCURRENTLY notifications_read_at_idx ON notifications (read_at) WHERE read_at IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS notifications_read_at_idx;

--changeset muejam:blocked_users_blocked_idx labels:index runInTransaction:false
--comment: BLOCKERS_OF and BLOCKED_BY_COUNT (a moderation signal) and the blocked_id foreign key.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('blocked_users_blocked_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS blocked_users_blocked_idx;
CREATE INDEX CONCURRENTLY blocked_users_blocked_idx ON blocked_users (blocked_id, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS blocked_users_blocked_idx;
