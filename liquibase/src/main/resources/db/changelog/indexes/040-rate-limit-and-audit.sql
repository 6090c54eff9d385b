--liquibase formatted sql

-- Rate limiting and the audit trail. rate_limit_entries_key_window_key (a constraint, 004) serves
-- RATE_LIMIT_LOOKUP and RATE_LIMIT_HIT.
--
-- Index changesets (label "index"), one index each, built with CREATE INDEX CONCURRENTLY outside a transaction
-- (runInTransaction:false) so writes continue during a release. Each changeset:
--   * runs only if no VALID index of that name exists (precondition). A valid one without a changelog row, e.g.
--     after a crash between the build and the changelog insert, is recorded as MARK_RAN;
--   * drops an index of that name left INVALID by a failed concurrent build (IF NOT EXISTS would keep it);
--   * sets lock_timeout (property index.lock_timeout) so the build fails instead of waiting forever behind a long
--     transaction; the next update then rebuilds it.

--changeset muejam:rate_limit_entries_window_start_idx labels:index runInTransaction:false
--comment: RATE_LIMIT_PURGE: deletes expired windows in batches, oldest first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('rate_limit_entries_window_start_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS rate_limit_entries_window_start_idx;
CREATE INDEX CONCURRENTLY rate_limit_entries_window_start_idx ON rate_limit_entries (window_start);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS rate_limit_entries_window_start_idx;

--changeset muejam:audit_logs_actor_idx labels:index runInTransaction:false
--comment: AUDIT_BY_ACTOR and the actor_id foreign key (system events have no actor).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('audit_logs_actor_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS audit_logs_actor_idx;
CREATE INDEX CONCURRENTLY audit_logs_actor_idx ON audit_logs (actor_id, created_at DESC, id DESC) WHERE actor_id IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS audit_logs_actor_idx;

--changeset muejam:audit_logs_target_idx labels:index runInTransaction:false
--comment: AUDIT_BY_TARGET: what happened to a story or account.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('audit_logs_target_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS audit_logs_target_idx;
CREATE INDEX CONCURRENTLY audit_logs_target_idx ON audit_logs (target_type, target_id, created_at DESC, id DESC) WHERE target_id IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS audit_logs_target_idx;

--changeset muejam:audit_logs_action_idx labels:index runInTransaction:false
--comment: AUDIT_BY_ACTION: one action within a time range.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('audit_logs_action_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS audit_logs_action_idx;
CREATE INDEX CONCURRENTLY audit_logs_action_idx ON audit_logs (action, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS audit_logs_action_idx;

--changeset muejam:audit_logs_ip_idx labels:index runInTransaction:false
--comment: AUDIT_BY_IP: everything done from one address (incident response).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('audit_logs_ip_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS audit_logs_ip_idx;
CREATE INDEX CONCURRENTLY audit_logs_ip_idx ON audit_logs (ip, created_at DESC, id DESC) WHERE ip IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS audit_logs_ip_idx;

--changeset muejam:audit_logs_created_at_idx labels:index runInTransaction:false
--comment: AUDIT_PURGE: retention, oldest first in batches.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('audit_logs_created_at_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS audit_logs_created_at_idx;
CREATE INDEX CONCURRENTLY audit_logs_created_at_idx ON audit_logs (created_at);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS audit_logs_created_at_idx;
