/** User profiles: the entity and its repository interface. */
package com.muejam.domain.profile;
