/** Moderation: readers' flags (the queue) and moderators' actions (the log). */
package com.muejam.domain.moderation;
