/** Privacy: per-user settings (NSFW opt-in, profile visibility, messages) and blocks between users. */
package com.muejam.domain.privacy;
