/** Stories: the entity and the repository interface the application depends on. */
package com.muejam.domain.story;
