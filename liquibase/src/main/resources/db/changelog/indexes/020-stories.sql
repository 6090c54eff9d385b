--liquibase formatted sql

-- Stories: the author's pages and discovery. Every discovery index is partial on the visible
-- rows (published, not deleted), so it holds only what readers can see. NSFW stories are filtered, not
-- indexed apart: at their share (about 8%) an index without them was measured no faster.
--
-- Index changesets (label "index"), one index each, built with CREATE INDEX CONCURRENTLY outside a transaction
-- (runInTransaction:false) so writes continue during a release. Each changeset:
--   * runs only if no VALID index of that name exists (precondition). A valid one without a changelog row, e.g.
--     after a crash between the build and the changelog insert, is recorded as MARK_RAN;
--   * drops an index of that name left INVALID by a failed concurrent build (IF NOT EXISTS would keep it);
--   * sets lock_timeout (property index.lock_timeout) so the build fails instead of waiting forever behind a long
--     transaction; the next update then rebuilds it.

--changeset muejam:stories_author_id_idx labels:index runInTransaction:false
--comment: STORIES_BY_AUTHOR (the author's dashboard, newest id first) and the author_id foreign key (full, not partial).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_author_id_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_author_id_idx;
CREATE INDEX CONCURRENTLY stories_author_id_idx ON stories (author_id, id DESC);
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_author_id_idx;

--changeset muejam:stories_author_published_idx labels:index runInTransaction:false
--comment: STORIES_PUBLISHED_BY_AUTHOR: an author's public page, newest publication first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_author_published_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_author_published_idx;
CREATE INDEX CONCURRENTLY stories_author_published_idx ON stories (author_id, published_at DESC, id DESC) WHERE status = 'published' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_author_published_idx;

--changeset muejam:stories_author_drafts_idx labels:index runInTransaction:false
--comment: STORY_DRAFTS_BY_AUTHOR: "continue writing", most recently edited draft first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_author_drafts_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_author_drafts_idx;
CREATE INDEX CONCURRENTLY stories_author_drafts_idx ON stories (author_id, updated_at DESC, id DESC) WHERE status = 'draft' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_author_drafts_idx;

--changeset muejam:stories_newest_idx labels:index runInTransaction:false
--comment: DISCOVER_NEWEST: the landing tab, newest first. NSFW rows (8%) are filtered for viewers without the opt-in: the benchmark showed a separate NOT nsfw partial index gains nothing at that share.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_newest_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_newest_idx;
CREATE INDEX CONCURRENTLY stories_newest_idx ON stories (published_at DESC, id DESC) WHERE status = 'published' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_newest_idx;

--changeset muejam:stories_featured_idx labels:index runInTransaction:false
--comment: DISCOVER_FEATURED: featured stories are few, so one index serves both NSFW settings (NSFW is a filter).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_featured_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_featured_idx;
CREATE INDEX CONCURRENTLY stories_featured_idx ON stories (published_at DESC, id DESC) WHERE featured AND status = 'published' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_featured_idx;

--changeset muejam:stories_popular_idx labels:index runInTransaction:false
--comment: DISCOVER_POPULAR: most liked first (NSFW filtered unless opted in).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_popular_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_popular_idx;
CREATE INDEX CONCURRENTLY stories_popular_idx ON stories (like_count DESC, id DESC) WHERE status = 'published' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_popular_idx;

--changeset muejam:stories_most_read_idx labels:index runInTransaction:false
--comment: DISCOVER_MOST_READ: most viewed first (NSFW is a filter on this secondary tab).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_most_read_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_most_read_idx;
CREATE INDEX CONCURRENTLY stories_most_read_idx ON stories (view_count DESC, id DESC) WHERE status = 'published' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_most_read_idx;

--changeset muejam:stories_genre_newest_idx labels:index runInTransaction:false
--comment: DISCOVER_GENRE: newest first within a genre (equality column first, then the sort key).
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_genre_newest_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_genre_newest_idx;
CREATE INDEX CONCURRENTLY stories_genre_newest_idx ON stories (genre, published_at DESC, id DESC) WHERE status = 'published' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_genre_newest_idx;

--changeset muejam:stories_recently_updated_idx labels:index runInTransaction:false
--comment: DISCOVER_RECENTLY_UPDATED: serials with a new chapter, most recently updated first.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_recently_updated_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_recently_updated_idx;
CREATE INDEX CONCURRENTLY stories_recently_updated_idx ON stories (updated_at DESC, id DESC) WHERE status = 'published' AND NOT deleted;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_recently_updated_idx;

--changeset muejam:stories_title_search_idx labels:index runInTransaction:false
--comment: STORY_TITLE_SEARCH: full-text match on the title (GIN); the query repeats this exact expression. Not partial, and statistics target 1000 on the expression: the planner ignores the expression statistics of partial indexes, and with them it knows each title word's frequency (10,000 kept), so a rare word is planned on this index and a common one on stories_newest_idx. Partial and with default statistics, rare words were misjudged and walked stories_newest_idx: 0.46 s instead of 1.6 ms at 10^6 stories.
--preconditions onFail:MARK_RAN onError:HALT
--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('stories_title_search_idx') AND indisvalid
SET lock_timeout = '${index.lock_timeout}';
DROP INDEX CONCURRENTLY IF EXISTS stories_title_search_idx;
CREATE INDEX CONCURRENTLY stories_title_search_idx ON stories USING gin (to_tsvector('simple'::regconfig, title));
ALTER INDEX stories_title_search_idx ALTER COLUMN 1 SET STATISTICS 1000;
ANALYZE stories;
--rollback SET lock_timeout = '${index.lock_timeout}';
--rollback DROP INDEX CONCURRENTLY IF EXISTS stories_title_search_idx;
