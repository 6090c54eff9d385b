/**
 * Stories: the entity, its repository and discovery ({@link com.muejam.domain.story.Viewer} carries the NSFW
 * opt-in and the identity whose blocks are applied).
 */
package com.muejam.domain.story;
