/**
 * The story and discovery resources, their JSON shapes and the opaque keyset cursors of their lists. Who may do
 * what is decided by the application services ({@code StoryService} for writes, {@code StoryReader} for reads);
 * the resources only say who is calling.
 */
package com.muejam.interfaces.rest.story;
