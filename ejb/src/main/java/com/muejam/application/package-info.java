/**
 * Application services: use cases, transaction boundaries ({@code @Transactional}), read routing
 * ({@code @ReadOnly}) and caching ({@code @CachedQuery}). The application owns its ports: {@code routing},
 * {@code caching} and {@code operations} declare what it and the interfaces layer need from the mechanisms, and
 * the infrastructure implements them; nothing here depends on the infrastructure or the interfaces layer.
 */
package com.muejam.application;
