--liquibase formatted sql

-- Moderation queue and history.
--
-- Index changesets (label "index"), one index each, built with CREATE INDEX CONCURRENTLY outside a transaction
-- (runInTransaction:false) so writes continue during a release. Each changeset:
--   * runs only if no VALID index of that name exists (precondition). A valid one without a changelog row, e.g.
--     after a crash between the build and the changelog insert, is recorded as MARK_RAN;
--   * drops an index of that name left INVALID by a failed concurrent build (IF NOT EXISTS would keep it);
--   * sets lock_timeout (property index.lock_timeout) so the build fails instead of waiting forever behind a long
--     transaction; the next update then rebuilds it.

--changeset muejam:content_flags_pending_queue_idx labels:index runInTransaction:false
--comment: MODERATION_QUEUE: pending flags oldest first; a few percent of all flags, so the partial index stays small.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('content_flags_pending_queue_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS content_flags_pending_queue_idx;
CREATE INDEX CONCURRENTLY content_flags_pending_queue_idx ON content_flags (created_at, id) WHERE status = 'pending';
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS content_flags_pending_queue_idx;

--changeset muejam:content_flags_pending_reason_idx labels:index runInTransaction:false
--comment: MODERATION_QUEUE_BY_REASON: a specialised queue (e.g. the NSFW team), oldest first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('content_flags_pending_reason_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS content_flags_pending_reason_idx;
CREATE INDEX CONCURRENTLY content_flags_pending_reason_idx ON content_flags (reason, created_at, id) WHERE status = 'pending';
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS content_flags_pending_reason_idx;

--changeset muejam:content_flags_target_idx labels:index runInTransaction:false
--comment: FLAGS_FOR_TARGET: every flag about a target, newest first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('content_flags_target_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS content_flags_target_idx;
CREATE INDEX CONCURRENTLY content_flags_target_idx ON content_flags (target_type, target_id, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS content_flags_target_idx;

--changeset muejam:content_flags_reporter_idx labels:index runInTransaction:false
--comment: FLAGS_BY_REPORTER (a reporter's history, abuse of reporting) and the reporter_id foreign key.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('content_flags_reporter_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS content_flags_reporter_idx;
CREATE INDEX CONCURRENTLY content_flags_reporter_idx ON content_flags (reporter_id, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS content_flags_reporter_idx;

--changeset muejam:content_flags_pending_target_key labels:index runInTransaction:false
--comment: PENDING_FLAG_EXISTS (one pending flag per reporter and target, also enforced) and RESOLVE_PENDING_FLAGS_FOR_TARGET (closes the pending flags of a target: the leading columns, and the predicate matches).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('content_flags_pending_target_key') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS content_flags_pending_target_key;
CREATE UNIQUE INDEX CONCURRENTLY content_flags_pending_target_key ON content_flags (target_type, target_id, reporter_id) WHERE status = 'pending';
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS content_flags_pending_target_key;

--changeset muejam:content_flags_resolved_idx labels:index runInTransaction:false
--comment: RECENTLY_RESOLVED_FLAGS: the moderation history, latest decision first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('content_flags_resolved_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS content_flags_resolved_idx;
CREATE INDEX CONCURRENTLY content_flags_resolved_idx ON content_flags (resolved_at DESC, id DESC) WHERE resolved_at IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS content_flags_resolved_idx;

--changeset muejam:content_flags_resolved_by_idx labels:index runInTransaction:false
--comment: FLAGS_RESOLVED_BY and the resolved_by foreign key (resolved_by = $1 implies the predicate, so FK checks use it).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('content_flags_resolved_by_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS content_flags_resolved_by_idx;
CREATE INDEX CONCURRENTLY content_flags_resolved_by_idx ON content_flags (resolved_by, resolved_at DESC, id DESC) WHERE resolved_by IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS content_flags_resolved_by_idx;

--changeset muejam:moderation_actions_moderator_idx labels:index runInTransaction:false
--comment: ACTIONS_BY_MODERATOR (a moderator's actions by time) and the moderator_id foreign key.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('moderation_actions_moderator_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_moderator_idx;
CREATE INDEX CONCURRENTLY moderation_actions_moderator_idx ON moderation_actions (moderator_id, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_moderator_idx;

--changeset muejam:moderation_actions_flag_idx labels:index runInTransaction:false
--comment: ACTIONS_FOR_FLAG and the flag_id foreign key (proactive actions have no flag).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('moderation_actions_flag_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_flag_idx;
CREATE INDEX CONCURRENTLY moderation_actions_flag_idx ON moderation_actions (flag_id, created_at, id) WHERE flag_id IS NOT NULL;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_flag_idx;

--changeset muejam:moderation_actions_target_idx labels:index runInTransaction:false
--comment: ACTIONS_AGAINST_TARGET: prior sanctions against a story or user, newest first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('moderation_actions_target_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_target_idx;
CREATE INDEX CONCURRENTLY moderation_actions_target_idx ON moderation_actions (target_type, target_id, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_target_idx;

--changeset muejam:moderation_actions_action_idx labels:index runInTransaction:false
--comment: ACTIONS_OF_TYPE_BETWEEN: e.g. all suspensions in a period.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('moderation_actions_action_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_action_idx;
CREATE INDEX CONCURRENTLY moderation_actions_action_idx ON moderation_actions (action, created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_action_idx;

--changeset muejam:moderation_actions_created_at_idx labels:index runInTransaction:false
--comment: ACTIONS_BETWEEN: the moderation log for a period, all action types.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('moderation_actions_created_at_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_created_at_idx;
CREATE INDEX CONCURRENTLY moderation_actions_created_at_idx ON moderation_actions (created_at DESC, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS moderation_actions_created_at_idx;
