/**
 * Story use cases. {@code StoryService}: writes (transaction boundaries, who may do what) and the cached story
 * row; {@code StoryReader}: what a given reader may see (drafts, NSFW, blocks in both directions), answered as 404
 * otherwise; {@code StoryFeeds}: the lists, shared and cached where every reader without blocks gets the same page;
 * {@code Viewers}: the reader's cached privacy context; {@code MentionNotifier}: @mention notifications on publish.
 */
package com.muejam.application.story;
